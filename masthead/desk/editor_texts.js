// The body editor package's own texts (django-prose-editor), for
// translation only: this file is never loaded. The package ships catalogs
// for a few languages; listed here, its texts go into Masthead's djangojs
// catalogs (`make messages`) in every language Masthead ships, and the
// editor's catalog view (desk/urls.py, "editor_texts") merges Masthead's
// catalog over the package's.
/* global gettext */
gettext("Add caption");
gettext("Alternative Text");
gettext("Browse...");
gettext("Bullets");
gettext("Cancel");
gettext("Caption");
gettext("Columns");
gettext("Decimal numbers");
gettext("Edit Figure");
gettext("Edit HTML");
gettext("Edit Image");
gettext("Edit Link");
gettext("Image URL");
gettext("Include header row");
gettext("Insert Figure");
gettext("Insert Table");
gettext("Insert");
gettext("List properties");
gettext("List type");
gettext("Lowercase Roman numerals");
gettext("Lowercase letters");
gettext("Open in new window");
gettext("Prettify");
gettext("Remove caption");
gettext("Rows");
gettext("Start at");
gettext("Table Properties");
gettext("The HTML contents of the editor. Note that the allowed HTML is restricted by the editor schema.");
gettext("Title");
gettext("Toggle fullscreen");
gettext("URL");
gettext("Update");
gettext("Uppercase Roman numerals");
gettext("Uppercase letters");
