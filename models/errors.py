"""One exception tree for Shortlist; the service maps each `code` to an HTTP status in one handler.

ShortlistError
 +-- ParseError                  the input document cannot be turned into a Resume
 |    +-- UnsupportedFormat      bytes are not PDF/DOCX/TXT/MD/HTML
 |    +-- EmptyDocument          no usable text at all
 |    +-- CorruptDocument        the container or file structure is broken
 |    +-- EncryptedDocument      password protected
 |    +-- ImageOnlyDocument      a scanned PDF: pages but no text layer
 |    +-- DocumentTooLarge       over the byte, page or text limit
 |    +-- UnsafeDocument         zip bomb, external XML entities, other hostile structure
 +-- NotFound                    an id that is not in the store
 +-- ValidationFailed            a request or argument that makes no sense
 +-- Unauthorized                no or unknown API key
 +-- PermissionDenied            a key without the right for this action
 +-- ConfigError                 settings that cannot work (missing model dir, bad data dir)
"""

from __future__ import annotations


class ShortlistError(Exception):
    """Base of every error Shortlist raises on purpose."""

    code = "error"
    status = 500

    def __init__(self, message: str = "") -> None:
        super().__init__(message or self.__class__.__doc__ or self.code)

    @property
    def message(self) -> str:
        return str(self)


class ParseError(ShortlistError):
    """The document could not be parsed."""

    code = "parse_error"
    status = 422


class UnsupportedFormat(ParseError):
    """The file type is not one of PDF, DOCX, TXT, MD or HTML."""

    code = "unsupported_format"
    status = 415


class EmptyDocument(ParseError):
    """The document holds no usable text."""

    code = "empty_document"


class CorruptDocument(ParseError):
    """The document structure is broken and cannot be read."""

    code = "corrupt_document"


class EncryptedDocument(ParseError):
    """The document is encrypted or password protected."""

    code = "encrypted_document"


class ImageOnlyDocument(ParseError):
    """The PDF has pages but no text layer (a scan); OCR is not run."""

    code = "image_only_document"


class DocumentTooLarge(ParseError):
    """The document is over the configured size, page or text limit."""

    code = "document_too_large"
    status = 413


class UnsafeDocument(ParseError):
    """The document has a hostile structure (zip bomb, external XML entities)."""

    code = "unsafe_document"


class NotFound(ShortlistError):
    """No such item."""

    code = "not_found"
    status = 404


class ValidationFailed(ShortlistError):
    """The request is not valid."""

    code = "validation_failed"
    status = 422


class Unauthorized(ShortlistError):
    """A valid API key is required."""

    code = "unauthorized"
    status = 401


class PermissionDenied(ShortlistError):
    """This API key may not do that."""

    code = "permission_denied"
    status = 403


class ConfigError(ShortlistError):
    """The configuration cannot work."""

    code = "config_error"
    status = 500
