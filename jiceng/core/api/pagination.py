from django.conf import settings
from rest_framework import pagination


class PageNumberPagination(pagination.PageNumberPagination):
    """`?page=N&page_size=M`; answers with count, next, previous and results."""

    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request):
        self.page_size = settings.JICENG_PAGE_SIZE
        return super().get_page_size(request)
