from django import forms
from django.utils.translation import gettext_lazy as _

from jiceng.core.http import client_ip

from . import services


class LoginForm(forms.Form):
    username = forms.CharField(label=_("User name"), max_length=150,
                               widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}))
    password = forms.CharField(label=_("Password"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))

    def __init__(self, request=None, *args, **kwargs):
        self.request = request
        self.user_cache = None
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            self.user_cache = services.login_attempt(
                username=data["username"], password=data["password"],
                ip_address=client_ip(self.request), request=self.request,
            )
        except services.DomainError as error:
            raise forms.ValidationError(error.message, code=error.code) from error
        return data

    def get_user(self):
        return self.user_cache
