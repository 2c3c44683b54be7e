import DisarmExports

/// The bundles `disarm export stix` reads besides the knowledge base (`--previous`, `--ids-from`).
enum STIXInputs {
  /// The previous export, and the identifiers known from it and from the `--ids-from` bundles (the previous export
  /// first, so that a bundle named with `--ids-from` wins). A file that cannot be read or used exits 2 with its place.
  static func read(previous: String?, idsFrom: [String]) throws -> (previous: STIXInputBundle?, known: STIXKnownIDs) {
    do throws(ExportInputError) {
      var previousBundle: STIXInputBundle?
      if let previous { previousBundle = try STIXInputBundle.read(contentsOf: previous) }
      var bundles: [STIXInputBundle] = previousBundle.map { [$0] } ?? []
      for path in idsFrom { bundles.append(try STIXInputBundle.read(contentsOf: path)) }
      return (previousBundle, try STIXKnownIDs(bundles))
    } catch {
      Terminal.error(error.description)
      throw ExitStatus.failure
    }
  }
}
