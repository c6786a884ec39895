// Output files (see output_file.h): temporary file + fsync + rename, appends that roll back, and the
// registry of the command's inputs that every open checks.
#include "common/output_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <vector>

namespace vigil {
namespace {

namespace fs = std::filesystem;

// Bytes buffered before a write(2): large enough that writing many small pieces costs little.
constexpr size_t kBufferBytes = 1 << 20;
constexpr mode_t kNewFileMode = 0666;  // narrowed by the umask, as fopen does

struct FileIdentity {
  dev_t device;
  ino_t inode;
  std::string path;  // as the command named it, for the message
};

class InputRegistry {
 public:
  void Add(const struct stat& st, const std::string& path) {
    std::lock_guard lock(mutex_);
    inputs_.push_back({st.st_dev, st.st_ino, path});
  }
  void Clear() {
    std::lock_guard lock(mutex_);
    inputs_.clear();
  }
  // The input with this identity, or "" when none.
  std::string Find(const struct stat& st) const {
    std::lock_guard lock(mutex_);
    for (const FileIdentity& input : inputs_) {
      if (input.device == st.st_dev && input.inode == st.st_ino) return input.path;
    }
    return "";
  }

 private:
  mutable std::mutex mutex_;
  std::vector<FileIdentity> inputs_;
};

InputRegistry& Inputs() {
  static InputRegistry registry;
  return registry;
}

std::string SystemError(int error) { return std::strerror(error); }

Status WriteError(const std::string& path, int error) {
  return Status::IoError(fmt::format("cannot write '{}': {}", path, SystemError(error)));
}

Status RefuseIfInput(const struct stat& st, const std::string& path) {
  const std::string input = Inputs().Find(st);
  if (input.empty()) return Status::Ok();
  if (input == path) {
    return Status::Refused(fmt::format("'{}' is an input of this command; choose another output path", path));
  }
  return Status::Refused(
      fmt::format("'{}' is an input of this command (it is '{}'); choose another output path", path, input));
}

// Writes all of `data` to `fd`, retrying interrupted and partial writes. 0 or the errno.
int WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return 0;
}

// The file a replacement must land on: a symbolic link's target, so the link stays a link.
std::string Destination(const std::string& path) {
  std::error_code ec;
  if (!fs::is_symlink(path, ec)) return path;
  const fs::path target = fs::weakly_canonical(path, ec);
  return ec ? path : target.string();
}

Status CreateParentFolders(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  if (parent.empty()) return Status::Ok();
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) {
    return Status::IoError(
        fmt::format("cannot write '{}': cannot create folder '{}': {}", path, parent.string(), ec.message()));
  }
  return Status::Ok();
}

// A fresh temporary file beside `destination`, named so that it is hidden and ends in .tmp.
Result<std::pair<int, std::string>> CreateTemporary(const std::string& destination) {
  static std::atomic<uint64_t> counter{0};
  const fs::path dest(destination);
  for (int attempt = 0; attempt < 100; ++attempt) {
    const fs::path temporary = dest.parent_path() / fmt::format(".{}.{}-{}.tmp", dest.filename().string(),
                                                                ::getpid(), counter.fetch_add(1));
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kNewFileMode);
    if (fd >= 0) return std::pair{fd, temporary.string()};
    if (errno != EEXIST) return WriteError(destination, errno);
  }
  return Status::IoError(fmt::format("cannot write '{}': no free temporary name beside it", destination));
}

// Flushes the folder entry of a rename to disk. Best effort: some file systems refuse fsync on folders.
void SyncFolderOf(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  const int fd = ::open(parent.empty() ? "." : parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

}  // namespace

Status ProtectInput(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Status::Ok();
    return Status::IoError(fmt::format("cannot read '{}': {}", path, SystemError(errno)));
  }
  Inputs().Add(st, path);
  if (!S_ISDIR(st.st_mode)) return Status::Ok();
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    struct stat file_st {};
    if (::stat(entry.path().c_str(), &file_st) == 0 && S_ISREG(file_st.st_mode)) {
      Inputs().Add(file_st, entry.path().string());
    }
  }
  if (ec) return Status::IoError(fmt::format("cannot read folder '{}': {}", path, ec.message()));
  return Status::Ok();
}

void ClearProtectedInputs() { Inputs().Clear(); }

Status CheckNotAnInput(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return Status::Ok();  // nothing there yet: not an input
  return RefuseIfInput(st, path);
}

struct OutputFile::State {
  std::string path;       // the destination
  std::string temporary;  // Create: the file written; empty for Append and for a stream
  bool stream = false;    // Create on a pipe or device (/dev/stdout): written in place, nothing to rename
  int fd = -1;
  off_t append_start = 0;  // Append: the size before this append, restored when it is not committed
  std::string buffer;
  bool committed = false;

  Status Flush() {
    if (buffer.empty()) return Status::Ok();
    const int error = WriteAll(fd, buffer);
    buffer.clear();
    return error == 0 ? Status::Ok() : WriteError(path, error);
  }

  void Abandon() {
    if (fd < 0) return;
    if (temporary.empty() && !stream) {
      (void)::ftruncate(fd, append_start);
    }
    ::close(fd);
    fd = -1;
    if (!temporary.empty()) ::unlink(temporary.c_str());
  }
};

OutputFile::OutputFile(std::unique_ptr<State> state) : state_(std::move(state)) {}
OutputFile::OutputFile(OutputFile&&) noexcept = default;
OutputFile& OutputFile::operator=(OutputFile&& other) noexcept {
  if (this != &other) {
    if (state_ && !state_->committed) state_->Abandon();
    state_ = std::move(other.state_);
  }
  return *this;
}

OutputFile::~OutputFile() {
  if (state_ && !state_->committed) state_->Abandon();
}

const std::string& OutputFile::path() const { return state_->path; }

Result<OutputFile> OutputFile::Create(const std::string& path) {
  auto state = std::make_unique<State>();
  state->path = Destination(path);
  VIGIL_RETURN_IF_ERROR(CheckNotAnInput(state->path));
  struct stat st {};
  if (::stat(state->path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
    // A pipe or a device (`--out /dev/stdout`): there is no file to replace, so it is written in place.
    state->stream = true;
    state->fd = ::open(state->path.c_str(), O_WRONLY | O_CLOEXEC);
    if (state->fd < 0) return WriteError(state->path, errno);
    return OutputFile(std::move(state));
  }
  VIGIL_RETURN_IF_ERROR(CreateParentFolders(state->path));
  VIGIL_ASSIGN_OR_RETURN(auto temporary, CreateTemporary(state->path));
  std::tie(state->fd, state->temporary) = temporary;
  return OutputFile(std::move(state));
}

Result<OutputFile> OutputFile::Append(const std::string& path) {
  auto state = std::make_unique<State>();
  state->path = path;
  VIGIL_RETURN_IF_ERROR(CreateParentFolders(path));
  state->fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, kNewFileMode);
  if (state->fd < 0) return WriteError(path, errno);
  // Opening for append changes nothing, so the identity is checked on the open file itself: no race
  // between the check and the open.
  struct stat st {};
  if (::fstat(state->fd, &st) != 0) return WriteError(path, errno);
  if (Status refused = RefuseIfInput(st, path); !refused.ok()) {
    ::close(state->fd);
    state->fd = -1;
    return refused;
  }
  state->append_start = st.st_size;
  return OutputFile(std::move(state));
}

Status OutputFile::Write(std::string_view data) {
  if (state_->fd < 0 || state_->committed) return Status::Internal(state_->path + ": write after commit");
  state_->buffer.append(data);
  if (state_->buffer.size() >= kBufferBytes) return state_->Flush();
  return Status::Ok();
}

Status OutputFile::Commit() {
  State& s = *state_;
  if (s.fd < 0 || s.committed) return Status::Internal(s.path + ": commit twice");
  VIGIL_RETURN_IF_ERROR(s.Flush());
  if (::fsync(s.fd) != 0 && !(s.stream && (errno == EINVAL || errno == EROFS))) return WriteError(s.path, errno);
  if (s.temporary.empty()) {
    s.committed = true;
    ::close(s.fd);
    s.fd = -1;
    return Status::Ok();
  }
  if (::close(s.fd) != 0) {
    const int error = errno;
    s.fd = -1;
    ::unlink(s.temporary.c_str());
    return WriteError(s.path, error);
  }
  s.fd = -1;
  // Checked again at the last moment: an input may have appeared at the destination since Create.
  if (Status refused = CheckNotAnInput(s.path); !refused.ok()) {
    ::unlink(s.temporary.c_str());
    return refused;
  }
  if (::rename(s.temporary.c_str(), s.path.c_str()) != 0) {
    const int error = errno;
    ::unlink(s.temporary.c_str());
    return WriteError(s.path, error);
  }
  s.committed = true;
  SyncFolderOf(s.path);
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, std::string_view content) {
  VIGIL_ASSIGN_OR_RETURN(OutputFile file, OutputFile::Create(path));
  VIGIL_RETURN_IF_ERROR(file.Write(content));
  return file.Commit();
}

}  // namespace vigil
