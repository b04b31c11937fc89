#pragma once

#include <stdexcept>

#include "ecoscore/core/diagnostic.hpp"
#include "ecoscore/core/exit_code.hpp"

namespace ecoscore::core {

// The root of every error the library throws. Each error carries the
// diagnostics that explain it and the exit code the CLI should return.
// what() is the first diagnostic in English, for logs and debuggers.
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, Diagnostics diagnostics);

  ExitCode exit_code() const { return code_; }
  const Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  ExitCode code_;
  Diagnostics diagnostics_;
};

// The command line was wrong (exit 2).
class UsageError : public Error {
 public:
  explicit UsageError(Diagnostics d) : Error(ExitCode::usage, std::move(d)) {}
};

// Input was read but is invalid (exit 65).
class InputError : public Error {
 public:
  explicit InputError(Diagnostics d) : Error(ExitCode::data_error, std::move(d)) {}
};

// An input is missing or unreadable (exit 66).
class MissingInputError : public Error {
 public:
  explicit MissingInputError(Diagnostics d) : Error(ExitCode::no_input, std::move(d)) {}
};

// An output cannot be created (exit 73).
class OutputError : public Error {
 public:
  explicit OutputError(Diagnostics d) : Error(ExitCode::cant_create, std::move(d)) {}
};

// Reading or writing failed part-way (exit 74).
class IoError : public Error {
 public:
  explicit IoError(Diagnostics d) : Error(ExitCode::io_error, std::move(d)) {}
};

// Throws the error that fits the diagnostics if any of them is an error:
// MissingInputError when a file was missing or unreadable, else InputError.
void throw_if_errors(Diagnostics diagnostics);

}  // namespace ecoscore::core
