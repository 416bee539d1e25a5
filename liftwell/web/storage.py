"""Static files with hashed names, including the imports between the logging screen's ES modules."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class LiftwellStaticStorage(CompressedManifestStaticFilesStorage):  # type: ignore[misc]
    # Rewrite `import ... from "./store.js"` to the hashed name too, so every module can be cached for
    # a year and a new release is never mixed with an old cached module.
    support_js_module_import_aggregation = True
