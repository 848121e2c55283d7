import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

from blog.pagecache.wsgi import PageCacheApplication

application = PageCacheApplication(get_wsgi_application())
