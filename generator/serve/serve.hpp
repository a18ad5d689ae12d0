#pragma once
/// `planpress serve`: the site built into a private folder and served on 127.0.0.1 (cpp-httplib, wrapped
/// here alone), built again when content/ or templates/ change, open pages reloaded by server-sent events;
/// a failed build keeps the last good site and shows its diagnostics over the pages. Nothing here prints
/// or exits: the server reports through callbacks and its result.
#include <functional>
#include <string>

#include "base/diagnostic.hpp"
#include "io/file_system.hpp"
#include "pipeline/pipeline.hpp"

namespace planpress::serve {

struct Options {
  /// The build to serve (content, templates, --review, --no-pdf, -j …). Its `out_dir` is not used: the
  /// site is built into a private folder that is removed when the server stops, never into output/.
  pipeline::Options build;
  int port = 8765;
  base::Lang lang = base::Lang::ja;  ///< of the overlay
  /// A descriptor that becomes readable when the server should stop (the CLI's signalfd for SIGINT and
  /// SIGTERM); -1 serves until the process ends.
  int stop_fd = -1;
  /// Where the private folder is made ($TMPDIR, else /tmp).
  std::string temp_parent = "/tmp";
  /// Quiet time after a change before building: an editor's save is several events in a burst.
  int settle_ms = 120;
};

/// What the server tells the CLI as it runs (called on the thread that called `serve`).
struct Callbacks {
  /// After every build, the first one too.
  std::function<void(const pipeline::Result&)> built;
  /// Once, when the first build is done and the server answers at `url`; the site is in `dir`.
  std::function<void(const std::string& url, const std::string& dir)> listening;
};

enum class Outcome { stopped, io_error };

struct Result {
  Outcome outcome = Outcome::stopped;
  /// Why it could not serve (the port is in use, no private folder, no inotify).
  base::Diagnostics diagnostics;
};

/// Serves until `options.stop_fd` becomes readable; the private folder is removed before it returns.
Result serve(io::FileSystem& fs, const Options& options, const Callbacks& callbacks);

}  // namespace planpress::serve
