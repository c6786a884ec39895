// Output files: the one way Vigil writes a file. A replaced file is written to a temporary file in its own
// folder, flushed to disk and renamed over the destination, so no reader ever sees half a file and a failure
// leaves the old file (or none) and no temporary behind. No output may be one of the running command's
// inputs: the command registers its inputs once (ProtectInput) and every open compares file identities
// (device and inode, after following links), so no spelling of a path, link or hard link gets through.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "vigil/status.h"

namespace vigil {

// Registers a file the running command reads so that no output can replace or append to it. A folder
// protects itself and the files directly in it (an adapter reads a folder of pages). A path that does not
// exist is ignored: there is nothing to protect. Thread-safe.
Status ProtectInput(const std::string& path);
// Forgets every protected input (tests; a process running several commands).
void ClearProtectedInputs();
// Refused, naming both paths, when `path` is a protected input.
Status CheckNotAnInput(const std::string& path);

class OutputFile {
 public:
  // Starts replacing `path`: creates missing parent folders and a temporary file beside the destination
  // (beside the link's target when `path` is a symbolic link). Nothing is visible at `path` before Commit.
  // A pipe or a device (`/dev/stdout`) has nothing to replace and is written in place.
  static Result<OutputFile> Create(const std::string& path);
  // Opens `path` for appending, creating it if needed. What was there stays; an append that is never
  // committed is cut back off, so the file only ever grows by whole committed appends.
  static Result<OutputFile> Append(const std::string& path);

  OutputFile(OutputFile&&) noexcept;
  OutputFile& operator=(OutputFile&&) noexcept;
  ~OutputFile();  // without a successful Commit: removes the temporary file or cuts the append off

  // Buffers `data`; writes to the file when the buffer fills. Errors name the path and the system's reason
  // ("No space left on device").
  Status Write(std::string_view data);
  // Writes what is buffered, flushes the file to disk and (Create) renames it over the destination.
  Status Commit();
  const std::string& path() const;

 private:
  struct State;
  explicit OutputFile(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// Replaces `path` with `content` through OutputFile.
Status WriteFileAtomically(const std::string& path, std::string_view content);

}  // namespace vigil
