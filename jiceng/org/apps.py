from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "jiceng.org"
    label = "org"
    verbose_name = _("Organisation")

    def ready(self):
        from jiceng.core import navigation

        navigation.register(navigation.NavEntry(key="org", label=_("Organisation"), url_name="org:tree",
                                                icon="diagram-3", order=10))
        navigation.register(navigation.NavEntry(key="compounds", label=_("Compounds"), url_name="org:compounds",
                                                icon="buildings", order=11))
        from jiceng.core import demo

        from . import search_providers  # noqa: F401  (registers org records with the core search)
        from .demo import shangjie

        demo.register(demo.DemoLoader(order=10, name="org: Shangjie district", is_loaded=shangjie.is_loaded,
                                      load=shangjie.load))
