#pragma once

namespace ecoscore::core {

// Exit codes of the command line (DESIGN §5); values follow BSD sysexits where
// one exists, so scripts can tell bad data from a missing file.
enum class ExitCode : int {
  ok = 0,
  differences = 1,    // verify / diff found differences
  usage = 2,          // bad command line
  data_error = 65,    // EX_DATAERR: input was read but is invalid
  no_input = 66,      // EX_NOINPUT: an input is missing or unreadable
  cant_create = 73,   // EX_CANTCREAT: an output cannot be created
  io_error = 74,      // EX_IOERR
};

constexpr int to_int(ExitCode code) { return static_cast<int>(code); }

}  // namespace ecoscore::core
