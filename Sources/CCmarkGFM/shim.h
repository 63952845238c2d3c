// cmark-gfm, the CommonMark + GitHub Flavored Markdown parser, from Debian's
// libcmark-gfm-dev and libcmark-gfm-extensions-dev (Scripts/require-cmark installs them).
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
