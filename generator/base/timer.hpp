#pragma once
/// Timing for the --timings report and the benchmarks (never for output: nothing rendered reads a clock).
#include <chrono>
#include <ctime>

namespace planpress::base {

/// Wall time since construction.
class Timer {
 public:
  Timer() : start_(std::chrono::steady_clock::now()) {}
  /// Milliseconds since construction.
  double ms() const { return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count(); }

 private:
  std::chrono::steady_clock::time_point start_;
};

/// CPU time of the calling thread in milliseconds: what one job costs, whatever else the machine is doing.
inline double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6;
}

}  // namespace planpress::base
