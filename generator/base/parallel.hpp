#pragma once
/// Independent jobs on a few threads (pages, search shards, PDFs): each thread takes the next job until none
/// is left. Jobs write only their own results, so what they make does not depend on the number of threads.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace planpress::base {

/// Calls `job(i)` for every i in [0, n) on up to `threads` threads (the calling thread is one of them) and
/// returns when all are done.
template <class Job>
void run_parallel(std::size_t n, int threads, Job&& job) {
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < n; i = next++) job(i);
  };
  const int count = std::max(1, static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(std::max(threads, 1)), n)));
  std::vector<std::thread> pool;
  for (int t = 1; t < count; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

}  // namespace planpress::base
