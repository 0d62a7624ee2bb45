from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "jiceng.ideas"
    label = "ideas"
    verbose_name = _("Ideas")

    def ready(self):
        from jiceng.core import demo, navigation

        from .demo import gongyelu

        navigation.register(navigation.NavEntry(key="ideas", label=_("Ideas"), url_name="ideas:campaigns",
                                                icon="lightbulb", order=30))
        demo.register(demo.DemoLoader(order=30, name="ideas: 工业路街道金点子", is_loaded=gongyelu.is_loaded,
                                      load=gongyelu.load))
