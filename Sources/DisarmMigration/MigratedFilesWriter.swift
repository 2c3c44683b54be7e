import DisarmSupport
import Foundation

/// Writes migrated files: into a folder (each under its own name) or over the originals, each file whole or not at
/// all (``AtomicFile``; flushed to disk first when it replaces an original). Every check is made before the first file is written: an output that would overwrite an
/// input, two inputs with one name, a folder that cannot be made.
public enum MigratedFilesWriter {
  /// Where the files go.
  public enum Destination: Sendable {
    case folder(String)
    case inPlace
  }

  /// The paths each migrated file would be written to, checked; throws naming the first problem.
  public static func targets(for paths: [String], _ destination: Destination) throws(MigrationFailure) -> [String] {
    switch destination {
    case .inPlace:
      return paths
    case .folder(let folder):
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
        throw MigrationFailure(description: "\(folder): not a folder (--output names the folder to write into)")
      }
      var seen: [String: String] = [:]
      var targets: [String] = []
      for path in paths {
        let name = URL(fileURLWithPath: path).lastPathComponent
        if let other = seen[name] {
          throw MigrationFailure(description: "\(other) and \(path) would both be written to \(folder)/\(name)")
        }
        seen[name] = path
        let target = URL(fileURLWithPath: folder).appendingPathComponent(name).standardizedFileURL.path
        if target == URL(fileURLWithPath: path).standardizedFileURL.path {
          throw MigrationFailure(
            description: "\(path): --output would overwrite the file itself; give --in-place to change it")
        }
        targets.append(target)
      }
      return targets
    }
  }

  /// Runs of the migrated bytes shorter than this are gathered into one write.
  static let gathering = 64 << 10

  /// Writes the migrated files of `result` (those whose bytes changed, and, into a folder, all of them), returning
  /// the paths written.
  public static func write(_ result: MigrationResult, to destination: Destination) throws(MigrationFailure)
    -> [String]
  {
    let targets = try targets(for: result.files.map(\.path), destination)
    if case .folder(let folder) = destination {
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw MigrationFailure(description: "\(folder): cannot be created: \(error.localizedDescription)")
      }
    }
    var written: [String] = []
    // A file rewritten in place is flushed to disk before it replaces the user's file (the only copy of what it
    // held); a file written into the output folder is a new file the same command makes again from inputs that are
    // still there, renamed into place whole without the flush, as `build --output` and an import's new pages are.
    let durable: Bool
    if case .inPlace = destination { durable = true } else { durable = false }
    for (file, target) in zip(result.files, targets) {
      if case .inPlace = destination, !file.isChanged { continue }
      do {
        // Written from the original's bytes and the edits' (small runs gathered, long ones written where they lie).
        try AtomicFile.stream(toPath: target, durable: durable) { writer in
          var gathered: [UInt8] = []
          gathered.reserveCapacity(Self.gathering)
          file.pieces { piece in
            if gathered.count + piece.count > Self.gathering {
              writer.write(gathered)
              gathered.removeAll(keepingCapacity: true)
            }
            if piece.count >= Self.gathering { writer.write(piece) } else { gathered.append(contentsOf: piece) }
          }
          writer.write(gathered)
        }
      } catch {
        throw MigrationFailure(description: error.description)
      }
      written.append(target)
    }
    return written
  }
}
