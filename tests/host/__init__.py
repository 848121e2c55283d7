"""A minimal Wagtail site that hosts the plugin, as someone else's site would: the plugin's
tests (tests/plugin) run against it, with no demo content and nothing of config/."""
