"""Making an uploaded photo safe to keep (SAFETY.md: uploaded photos).

The bytes people send are never stored. A photo must be a real JPEG, PNG, WebP or GIF
within the size and pixel limits; it is decoded, turned upright, shrunk to a sensible
size and encoded afresh as a JPEG that carries no metadata at all: no location, no
camera, no time.
"""

import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "GIF", "MPO"})
# Long edge of the stored copy: plenty for a phone or laptop screen.
LONG_EDGE = 2560
JPEG_QUALITY = 85


class PhotoRejected(ValueError):
    """The upload cannot be kept; the message says what to do instead."""


@dataclass(frozen=True)
class CleanPhoto:
    data: bytes
    width: int
    height: int


def photo_clean(upload) -> CleanPhoto:
    """Check and re-encode an uploaded file (anything with read/seek and a size)."""
    limit = settings.PHOTO_MAX_BYTES
    if upload.size > limit:
        raise PhotoRejected(
            _("This photo is %(size).1f MB; the limit is %(limit)d MB. Try a smaller copy.")
            % {"size": upload.size / 1_048_576, "limit": limit // 1_048_576}
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = _open_checked(upload)
            image.load()
    except PhotoRejected:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise PhotoRejected(
            _("This file isn't a photo Hearth can read. Please choose a JPEG, PNG or WebP image.")
        ) from None
    except Image.DecompressionBombWarning:
        raise _too_many_pixels() from None
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        image = background
    elif image.mode != "RGB":
        image = image.convert("RGB")
    image.thumbnail((LONG_EDGE, LONG_EDGE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    # No exif=, icc_profile= or comment: the new file holds pixels only.
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return CleanPhoto(data=out.getvalue(), width=image.width, height=image.height)


def _open_checked(upload) -> Image.Image:
    upload.seek(0)
    probe = Image.open(upload)
    if probe.format not in ACCEPTED_FORMATS:
        raise PhotoRejected(_("Please choose a JPEG, PNG or WebP image."))
    width, height = probe.size
    if width * height > settings.PHOTO_MAX_PIXELS:
        raise _too_many_pixels()
    probe.verify()  # structure and checksums, before decoding a single pixel
    upload.seek(0)
    return Image.open(upload)


def _too_many_pixels() -> PhotoRejected:
    megapixels = settings.PHOTO_MAX_PIXELS // 1_000_000
    return PhotoRejected(
        _("This photo has more than %(count)d megapixels. Please choose a smaller copy.")
        % {"count": megapixels}
    )
