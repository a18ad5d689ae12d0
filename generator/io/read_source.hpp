#pragma once
/// Text files read for a phase (content, templates): size limit and UTF-8 checked, held as a SourceFile
/// so that diagnostics can point into them.
#include <cstdint>
#include <string>

#include "base/diagnostic.hpp"
#include "base/source.hpp"
#include "io/file_system.hpp"

namespace planpress::io {

/// Reads the text file at `path`. Reports file-too-large (over `max_bytes`), io-error and utf8-invalid;
/// returns nullptr after any of them.
base::SourcePtr read_source(const FileSystem& fs, const std::string& path, std::uintmax_t max_bytes,
                            base::Diagnostics& diags);

}  // namespace planpress::io
