#pragma once
/// The build as named phases, each a function from data to data:
///   load (content) → validate (model) → link (xref) → templates → render (site) → publish (io).
/// Nothing here prints or exits; the CLI does.
#include <string>

#include "base/diagnostic.hpp"
#include "io/file_system.hpp"

namespace planpress::build {

struct Options {
  std::string content_dir = "content";
  std::string templates_dir = "templates";
  std::string out_dir = "output";
  int jobs = 1;
  bool strict = false;  ///< warnings count as errors
};

/// How a run ended; the CLI maps these to exit statuses (DESIGN.md).
enum class Outcome { ok, content_errors, warnings_as_errors, io_error };

/// Timings and counts of a run, for the CLI's summary line and the benchmark.
struct Stats {
  std::size_t plans = 0, items = 0, links = 0, files = 0;
  double load_ms = 0, validate_ms = 0, link_ms = 0, templates_ms = 0, render_ms = 0, publish_ms = 0;
};

struct Result {
  Outcome outcome = Outcome::ok;
  base::Diagnostics diagnostics;
  Stats stats;
  std::string failed_phase;  ///< name of the phase that stopped the run, if any
};

/// Validates content and templates; writes nothing.
Result check(const io::FileSystem& fs, const Options& options);

/// Builds the site into a staging directory and swaps it in; on any error the previous output stays.
Result build(io::FileSystem& fs, const Options& options);

}  // namespace planpress::build
