#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <vector>

namespace owb {

// Runs work(i) for every i below count, shared out between this thread and
// as many helper threads as the machine has cores, and returns when all are
// done. Meant for case files: opening one is mostly SQLite reading its
// schema, and each file is independent of the others. work must keep to what
// index i owns (each thread opens its own connections, as Qt Sql requires).
// Returns, by index, what work(i) threw (empty where it returned), so that the
// caller can report in its own order, on its own thread.
std::vector<std::exception_ptr> forEachCaseInParallel(std::size_t count, const std::function<void(std::size_t)> &work);

} // namespace owb
