import ArgumentParser
import DisarmBrowsing
import DisarmExports
import DisarmLint
import DisarmModel
import DisarmRegeneration
import DisarmSupport

/// The CLI's one error path: a load, write, configuration or usage failure is printed once, as
/// `disarm: error: …`, and the command exits 2. Findings are never errors; they go through the reporters.
func exitingOnFailure<T>(_ body: () throws(DisarmError) -> T) throws -> T {
  do {
    return try body()
  } catch {
    Terminal.error(error.description)
    throw ExitStatus.failure
  }
}

/// ``exitingOnFailure(_:)`` for a body that loads a knowledge base.
func exitingOnLoadFailure<T>(_ body: () throws(LoadError) -> T) throws -> T {
  try exitingOnFailure { () throws(DisarmError) in try DisarmError.loading(body) }
}

/// ``exitingOnFailure(_:)`` for a body that writes files.
func exitingOnWriteFailure<T>(_ body: () throws(WriteError) -> T) throws -> T {
  try exitingOnFailure { () throws(DisarmError) in try DisarmError.writing(body) }
}
