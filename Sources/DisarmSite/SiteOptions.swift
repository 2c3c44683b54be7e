import DisarmModel
import DisarmParser
import DisarmVersions

/// What `disarm site` is asked for.
public struct SiteOptions: Sendable {
  /// The site's title (default: the framework's title).
  public var title: String?
  /// Where the site will be published (for the canonical links of its pages), without a trailing slash.
  public var baseURL: String?
  /// Where the knowledge base's pages can be read (a repository's blob URL of the page folder): each object page links
  /// to its source there.
  public var sourceURL: String?
  /// The comparison with an older version (`--compare OLD`): a changelog page and badges.
  public var comparison: VersionDiff?

  public init(title: String? = nil, baseURL: String? = nil, sourceURL: String? = nil, comparison: VersionDiff? = nil) {
    self.title = title
    self.baseURL = baseURL
    self.sourceURL = sourceURL
    self.comparison = comparison
  }
}

/// One file of the site, by path relative to the site folder.
public struct SiteFile: Sendable, Equatable {
  public var path: String
  public var bytes: [UInt8]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }
}
