#pragma once
/// `planpress fmt`: plan.json files rewritten in the canonical layout (canonical/layout.hpp).
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "io/file_system.hpp"
#include "pipeline/pipeline.hpp"

namespace planpress::pipeline {

struct FormatOptions {
  std::string content_dir = "content";
  std::vector<std::string> files;  ///< JSON files to format; empty: every content/plans/*/plan.json
  bool check = false;              ///< report files that are not canonical (not-canonical); write nothing
};

struct FormatResult {
  Outcome outcome = Outcome::ok;
  base::Diagnostics diagnostics;
  std::vector<std::string> files;    ///< every file looked at
  std::vector<std::string> changed;  ///< rewritten (with `check`: would be rewritten)
};

/// Formats the files: each is read and parsed (any syntax error is reported and nothing is written),
/// then written back in the canonical layout when it differs. A file is replaced whole or not at all.
FormatResult format(io::FileSystem& fs, const FormatOptions& options);

/// Every content/plans/*/plan.json under `content_dir`, in directory order.
std::vector<std::string> plan_files(const io::FileSystem& fs, const std::string& content_dir);

}  // namespace planpress::pipeline
