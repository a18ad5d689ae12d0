#include "serve/serve.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "serve/respond.hpp"
#include "serve/watch.hpp"

namespace planpress::serve {

namespace {

constexpr const char* kHost = "127.0.0.1";

/// What the request handlers read and the build loop writes.
struct State {
  std::mutex mutex;
  std::condition_variable changed;
  unsigned long generation = 0;  ///< builds done, failed ones too: pages served from an older one reload
  bool has_site = false;         ///< a build succeeded: the site folder holds a whole site
  std::string overlay;           ///< the last build's errors as HTML; empty when it succeeded
  bool stopping = false;
};

/// Why 127.0.0.1:`port` cannot be bound (EADDRINUSE when another program listens there), or 0 when it can.
/// cpp-httplib says only that binding failed; this asks the system the same question to say why.
int bind_errno(int port) {
  const int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s < 0) return errno;
  const int yes = 1;
  ::setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);  // as cpp-httplib binds
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  ::inet_pton(AF_INET, kHost, &addr.sin_addr);
  int err = 0;
  if (::bind(s, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) err = errno;
  ::close(s);
  return err;
}

/// A page for when no build has succeeded yet: only the overlay, over nothing.
std::string empty_page(base::Lang lang) {
  return std::string("<!DOCTYPE html>\n<html lang=\"") + (lang == base::Lang::ja ? "ja" : "en") +
         "\">\n<head><meta charset=\"utf-8\"><title>planpress serve</title></head>\n<body>\n</body>\n</html>\n";
}

void plain(httplib::Response& res, int status, const std::string& text) {
  res.status = status;
  res.set_content(text, "text/plain; charset=utf-8");
}

class Session {
 public:
  Session(io::FileSystem& fs, const Options& options, std::string site_dir)
      : fs_(fs), options_(options), site_dir_(std::move(site_dir)), site_real_(fs.resolve(site_dir_)) {}

  /// The build into the private folder; the state the handlers read follows its result.
  pipeline::Result build() {
    pipeline::Options build = options_.build;
    build.out_dir = site_dir_;
    auto result = pipeline::build(fs_, build);
    std::string overlay;
    if (result.outcome != pipeline::Outcome::ok) {
      std::lock_guard lock(state_.mutex);
      const auto title = base::render(base::msg<base::Msg::cli_serve_overlay_title>(), options_.lang);
      const auto hint = base::render(state_.has_site ? base::msg<base::Msg::cli_serve_overlay_hint>()
                                                     : base::msg<base::Msg::cli_serve_overlay_no_site>(),
                                     options_.lang);
      overlay = overlay_html(title, hint, result.diagnostics, options_.lang);
    }
    {
      std::lock_guard lock(state_.mutex);
      if (result.outcome == pipeline::Outcome::ok) state_.has_site = true;
      state_.overlay = std::move(overlay);
      ++state_.generation;
    }
    state_.changed.notify_all();
    return result;
  }

  void route(httplib::Server& server) {
    server.Get(".*", [this](const httplib::Request& req, httplib::Response& res) { answer(req, res); });
  }

  void stop() {
    {
      std::lock_guard lock(state_.mutex);
      state_.stopping = true;
    }
    state_.changed.notify_all();
  }

 private:
  void answer(const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    if (req.path == kEventsPath) return events(res);
    if (req.path == kScriptPath) return res.set_content(std::string(live_reload_script()), content_type(".js").c_str());
    if (req.path == kStylePath) return res.set_content(std::string(overlay_style()), content_type(".css").c_str());
    const auto relative = site_relative_path(req.path);
    if (!relative) return plain(res, 403, "403 Forbidden\n");

    unsigned long generation;
    std::string overlay;
    bool has_site;
    {
      std::lock_guard lock(state_.mutex);
      generation = state_.generation;
      overlay = state_.overlay;
      has_site = state_.has_site;
    }
    const std::string html_type = content_type(".html");
    if (!has_site) {
      res.status = 503;
      res.set_content(inject(empty_page(options_.lang), generation, overlay), html_type.c_str());
      return;
    }

    std::string file = relative->empty() ? site_dir_ : site_dir_ + "/" + *relative;
    // A symbolic link leading out of the site is refused like `..` (the site itself has none).
    if (!io::is_within(fs_.resolve(file), site_real_)) return plain(res, 403, "403 Forbidden\n");
    if (fs_.is_directory(file)) {
      if (req.path.back() != '/') {  // relative links of the index page need the slash
        res.set_redirect(req.path + "/", 301);
        return;
      }
      file += "/index.html";
    }
    std::string error;
    auto body = fs_.read_file(file, error);
    std::string type = content_type(file);
    if (!body) {
      res.status = 404;
      body = fs_.read_file(site_dir_ + "/404.html", error);
      if (!body) return plain(res, 404, "404 Not Found\n");
      type = html_type;
    }
    if (is_html(type)) *body = inject(std::move(*body), generation, overlay);
    res.set_content(std::move(*body), type.c_str());
  }

  /// Server-sent events: the number of the latest build, at once and after every build, until the
  /// server stops or the page goes away.
  void events(httplib::Response& res) {
    auto sent = std::make_shared<std::optional<unsigned long>>();
    res.set_chunked_content_provider("text/event-stream", [this, sent](std::size_t, httplib::DataSink& sink) {
      std::string message;
      {
        std::unique_lock lock(state_.mutex);
        state_.changed.wait_for(lock, std::chrono::seconds(15),
                                [&] { return state_.stopping || *sent != state_.generation; });
        if (state_.stopping) return false;
        if (*sent != state_.generation) {
          *sent = state_.generation;
          message = "event: build\ndata: " + std::to_string(state_.generation) + "\n\n";
        } else {
          message = ": still here\n\n";  // a comment: tells a dead connection apart
        }
      }
      return sink.is_writable() && sink.write(message.data(), message.size());
    });
  }

  io::FileSystem& fs_;
  const Options& options_;
  const std::string site_dir_;
  const std::string site_real_;
  State state_;
};

bool readable(int fd) {
  if (fd < 0) return false;
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, 0) > 0 && (p.revents & (POLLIN | POLLHUP | POLLERR));
}

}  // namespace

Result serve(io::FileSystem& fs, const Options& options, const Callbacks& callbacks) {
  Result result;
  const int port = options.port;
  if (const int err = bind_errno(port)) {
    if (err == EADDRINUSE)
      result.diagnostics.error({}, base::msg<base::Msg::io_error_port_in_use>(base::arg<"port">(port)),
                               {base::msg<base::Msg::io_error_port_hint>(base::arg<"other">(port == 65535 ? port - 1 : port + 1))});
    else
      result.diagnostics.error({}, base::msg<base::Msg::io_error_listen>(base::arg<"port">(port), base::arg<"reason">(std::strerror(err))));
    result.outcome = Outcome::io_error;
    return result;
  }

  std::string dir;
  if (auto err = fs.create_unique_directory(options.temp_parent + "/planpress-serve-", dir)) {
    result.diagnostics.error({}, base::msg<base::Msg::io_error_build_into>(base::arg<"dir">(options.temp_parent),
                                                                          base::arg<"reason">(base::verbatim(*err))));
    result.outcome = Outcome::io_error;
    return result;
  }
  const std::string site_dir = dir + "/site";
  // Everything below removes `dir` on the way out, whatever happens.
  struct RemoveOnExit {
    io::FileSystem& fs;
    const std::string& dir;
    ~RemoveOnExit() { fs.remove_all(dir); }
  } remove_on_exit{fs, dir};

  httplib::Server server;
  // Each open page holds one connection for its events: more workers than cpp-httplib's default.
  server.new_task_queue = [] { return new httplib::ThreadPool(32); };
  server.set_keep_alive_timeout(1);  // idle connections end soon, so stopping does not wait on them
  if (!server.bind_to_port(kHost, port)) {
    result.diagnostics.error({}, base::msg<base::Msg::io_error_port_in_use>(base::arg<"port">(port)),
                             {base::msg<base::Msg::io_error_port_hint>(base::arg<"other">(port == 65535 ? port - 1 : port + 1))});
    result.outcome = Outcome::io_error;
    return result;
  }

  // Watching starts before the first build, so a file saved while it runs starts another.
  Watcher watcher({options.build.content_dir, options.build.templates_dir});
  if (!watcher.error().empty()) {
    result.diagnostics.error({}, base::msg<base::Msg::io_error_watch>(base::arg<"reason">(watcher.error())));
    result.outcome = Outcome::io_error;
    return result;
  }

  Session session(fs, options, site_dir);
  session.route(server);
  if (callbacks.built) callbacks.built(session.build());
  std::thread listener([&server] { server.listen_after_bind(); });
  if (callbacks.listening) callbacks.listening("http://" + std::string(kHost) + ":" + std::to_string(port) + "/", site_dir);

  pollfd fds[2] = {{watcher.fd(), POLLIN, 0}, {options.stop_fd, POLLIN, 0}};
  const nfds_t count = options.stop_fd >= 0 ? 2 : 1;
  bool stop = false;
  while (!stop) {
    if (::poll(fds, count, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (readable(options.stop_fd)) break;
    if (!watcher.drain()) continue;
    // Wait until the burst of events of one save is over (or the stop comes).
    for (;;) {
      const int ready = ::poll(fds, count, options.settle_ms);
      if (ready < 0 && errno == EINTR) continue;
      if (ready <= 0) break;
      if (readable(options.stop_fd)) {
        stop = true;
        break;
      }
      watcher.drain();
    }
    if (stop) break;
    if (callbacks.built) callbacks.built(session.build());
    else session.build();
  }

  session.stop();
  server.stop();
  listener.join();
  return result;
}

}  // namespace planpress::serve
