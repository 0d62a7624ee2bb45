from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BulletinConfig(AppConfig):
    name = "jiceng.bulletin"
    label = "bulletin"
    verbose_name = _("Bulletin")

    def ready(self):
        from jiceng.core import demo, navigation, tasks_registry

        from . import search_providers, tasks_provider  # noqa: F401  (register with core)
        from .demo import shangjie

        navigation.register(navigation.NavEntry(key="bulletin", label=_("Bulletin"), url_name="bulletin:home",
                                                icon="newspaper", order=40))
        tasks_registry.register("bulletin", tasks_provider.tasks_for)
        demo.register(demo.DemoLoader(order=40, name="bulletin: 上街信息", is_loaded=shangjie.is_loaded,
                                      load=shangjie.load))
