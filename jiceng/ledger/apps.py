from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    name = "jiceng.ledger"
    label = "ledger"
    verbose_name = _("Ledger")

    def ready(self):
        from jiceng.core import demo, navigation, tasks_registry

        from . import search_providers, tasks_provider  # noqa: F401  (register with core)
        from .demo import shangjie

        navigation.register(navigation.NavEntry(key="ledger", label=_("Ledger"), url_name="ledger:home",
                                                icon="kanban", order=20))
        tasks_registry.register("ledger", tasks_provider.tasks_for)
        demo.register(demo.DemoLoader(order=20, name="ledger: 美丽人居建设 2020", is_loaded=shangjie.is_loaded,
                                      load=shangjie.load))
