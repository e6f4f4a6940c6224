"""Moving a site in from WordPress: its export file (WXR) read with a
hardened parser (wxr.py), mapped onto Masthead's sections, topics, authors,
articles and media library (services.py), and every old address kept
(redirects.py)."""
