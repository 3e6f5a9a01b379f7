#include "caseparallel.h"

#include <QThread>
#include <QThreadPool>
#include <algorithm>
#include <atomic>

namespace owb {

std::vector<std::exception_ptr> forEachCaseInParallel(std::size_t count, const std::function<void(std::size_t)> &work)
{
    std::vector<std::exception_ptr> thrown(count);
    std::atomic<std::size_t> next{0};
    const auto take = [&] {
        for (std::size_t i = next++; i < count; i = next++) {
            try {
                work(i);
            } catch (...) {
                thrown[i] = std::current_exception();
            }
        }
    };
    QThreadPool pool;
    const std::size_t cores = std::size_t(std::max(QThread::idealThreadCount(), 1));
    const int helpers = int(std::min(cores, count)) - 1;
    for (int t = 0; t < helpers; ++t)
        pool.start(take);
    take();
    pool.waitForDone();
    return thrown;
}

} // namespace owb
