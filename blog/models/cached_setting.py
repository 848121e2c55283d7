from django.core.cache import cache
from wagtail.contrib.settings.models import BaseSiteSetting


class CachedSiteSetting(BaseSiteSetting):
    """A site setting kept in Django's cache between requests, so pages that show it do not
    query for it each time. Saving or deleting it drops the cached copy."""

    class Meta:
        abstract = True

    @classmethod
    def _cache_key(cls, site_id):
        return f"wellness:setting:{cls._meta.label_lower}:{site_id}"

    @classmethod
    def for_site(cls, site):
        key = cls._cache_key(site.pk)
        setting = cache.get(key)
        if setting is None:
            setting = super().for_site(site)
            cache.set(key, setting, None)
        return setting

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(self._cache_key(self.site_id))

    def delete(self, *args, **kwargs):
        cache.delete(self._cache_key(self.site_id))
        return super().delete(*args, **kwargs)
