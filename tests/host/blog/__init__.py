"""The host site's own blog app, labelled ``blog`` as in bakerydemo (Wagtail's demo) and many
sites: the plugin installs beside it. Its story pages take reader comments through the
plugin's contract (blog.comments.pages), as a host developer would add them."""
