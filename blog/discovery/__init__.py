"""How readers and machines find the wellness pages: site search, sitemap.xml, robots.txt
and the read-only API. Depends on the blog and the techniques, which it searches and serves;
nothing depends on it."""
