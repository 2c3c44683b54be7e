import Foundation

/// A knowledge base as it was at a git revision, read with the `git` command into a temporary folder
/// (`git archive REV -- PATH | tar -x`): the work tree, the index and the repository's refs are never touched, and a
/// revision is read exactly as committed (line endings and all).
public enum GitRevision {
  /// Why a revision could not be read; each message names the repository or path and the revision.
  public struct Failure: Error, Sendable, CustomStringConvertible {
    public var description: String
  }

  /// The folder holding, at `revision`, what `path` (a knowledge base's folder in a git work tree) holds now:
  /// `root` is the temporary folder to remove when done, `path` the knowledge base's folder inside it. With a
  /// `subfolder`, the folder read is that one inside `path` (which need not exist in the work tree today).
  public static func checkout(_ revision: String, of path: String, subfolder: String = "") throws(Failure) -> (
    root: URL, path: String
  ) {
    // Never an option: `--output=FILE` given as a revision would make git write where it says.
    guard !revision.hasPrefix("-"), !revision.isEmpty else {
      throw Failure(description: "'\(revision)' is not a git revision (a commit, tag or branch name)")
    }
    let folder = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw Failure(description: "\(path): no such folder (give the knowledge base whose history to read)")
    }
    var (top, relative) = try location(
      of: folder, notInGit: "\(path): not in a git repository, so '\(revision)' cannot be read (give a folder instead)")
    _ = try git(
      ["-C", top, "rev-parse", "--verify", "--quiet", "\(revision)^{commit}"],
      failure: { _ in
        "\(top): unknown revision '\(revision)'"
      })
    let inside = subfolder.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    if !inside.isEmpty { relative = relative.isEmpty ? inside : relative + "/" + inside }
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "disarm-revision-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    } catch {
      throw Failure(
        description: "\(root.path): cannot create a folder for '\(revision)': \(error.localizedDescription)")
    }
    let archive = try gitOutput(
      ["-C", top, "archive", "--format=tar", revision, "--", relative.isEmpty ? "." : relative],
      failure: { message in
        message.contains("did not match")
          ? "\(top): '\(relative)' does not exist at revision '\(revision)'" : "git archive \(revision): \(message)"
      })
    try untar(archive, into: root, revision: revision)
    return (root, relative.isEmpty ? root.path : root.appendingPathComponent(relative).path)
  }

  /// The repository's top folder and the path of `folder` inside it (empty for the top itself).
  /// `notInGit` is the message when it is not in a git repository.
  public static func location(of folder: URL, notInGit: String) throws(Failure) -> (top: String, relative: String) {
    let resolved = folder.standardizedFileURL.resolvingSymlinksInPath()
    let top = try git(
      ["-C", resolved.path, "rev-parse", "--show-toplevel"],
      failure: { _ in notInGit }
    ).trimmingCharacters(in: .whitespacesAndNewlines)
    let topURL = URL(fileURLWithPath: top).resolvingSymlinksInPath()
    return (top, String(resolved.path.dropFirst(topURL.path.count)).trimmingCharacters(in: ["/"]))
  }

  /// Bytes one thread reads while another waits for them (the group's wait orders the two).
  private final class Collected: @unchecked Sendable {
    var data = Data()
  }

  /// Runs git and returns its standard output as text.
  public static func git(_ arguments: [String], environment: [String: String] = [:], failure: (String) -> String)
    throws(Failure) -> String
  {
    let data = try gitOutput(arguments, environment: environment, failure: failure)
    return String(decoding: data, as: UTF8.self)
  }

  /// Runs git; a non-zero exit becomes a ``Failure`` worded by `failure` from git's own message.
  private static func gitOutput(
    _ arguments: [String], environment: [String: String] = [:], failure: (String) -> String
  ) throws(Failure) -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      throw Failure(description: "git cannot be run (\(error.localizedDescription)); install git to read revisions")
    }
    // Read both pipes to the end before waiting, so that a large archive never fills a pipe and blocks git.
    let errorData = Collected()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errorData.data = errors.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let result = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let message = String(decoding: errorData.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      if process.terminationStatus == 127 {
        throw Failure(description: "git is not installed; install git to read revisions")
      }
      throw Failure(description: failure(message))
    }
    return result
  }

  /// Extracts a tar archive into `folder` with the system's `tar`.
  private static func untar(_ archive: Data, into folder: URL, revision: String) throws(Failure) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["tar", "-x", "-f", "-", "-C", folder.path]
    let input = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardError = errors
    do {
      try process.run()
    } catch {
      throw Failure(description: "tar cannot be run to unpack '\(revision)': \(error.localizedDescription)")
    }
    DispatchQueue.global().async {
      input.fileHandleForWriting.write(archive)
      try? input.fileHandleForWriting.close()
    }
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure(description: "tar could not unpack '\(revision)': \(String(decoding: message, as: UTF8.self))")
    }
  }
}
