"""Static files in production: WhiteNoise's compressed files with hashed names, each URL
worked out once per process. Every page asks for the same few (the stylesheet, the script,
the icons) on every request, and the manifest they come from does not change while the
server runs: `collectstatic` writes a new one and the servers restart to read it."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name, force=False):
        if force:  # collectstatic's own post-processing
            return super().url(name, force)
        try:
            return self._urls[name]
        except KeyError:
            url = self._urls[name] = super().url(name)
            return url
