import DisarmFramework
import DisarmModel
import DisarmParser
import DisarmRegeneration
import DisarmSupport
import Foundation

/// `disarm site`: the knowledge base as a static website. Every page is rendered from the model on all cores, the
/// same input gives the same bytes (no clock, sorted orders), and the site is published in one rename through the
/// writer's staged output folder (a half-built site is never visible).
public enum SiteBuilder {
  /// Every file of the site, sorted by path.
  public static func files(for kb: KnowledgeBase, options: SiteOptions = SiteOptions()) -> [SiteFile] {
    let site = SiteContext(kb: kb, options: options)
    enum Job {
      case home, search, searchIndex, changelog, statistics
      case kind(ObjectKind)
      case object(DisarmObject)
      case retired(RetiredRegister.Entry)
    }
    var jobs: [Job] = [.home, .search, .searchIndex]
    if options.comparison != nil { jobs.append(.changelog) }
    if site.statistics.hasUses { jobs.append(.statistics) }
    jobs += site.listedKinds.map(Job.kind)
    let live = kb.orderedObjects.filter { !$0.isStale && site.listedKinds.contains($0.kind) }
    jobs += live.map(Job.object)
    // Retired identifiers get a page where their object's page was, unless an object has that page now.
    jobs += kb.register.entries.filter { kb[$0.id].map(\.isStale) ?? true }.map(Job.retired)
    var files = ParallelMap.map(jobs) { job -> SiteFile in
      switch job {
      case .home: HomePage.render(site)
      case .search: SearchPage.render(site)
      case .searchIndex: SearchPage.index(site)
      case .changelog: ChangelogPage.render(options.comparison!, site)
      case .statistics: StatisticsPage.render(site)
      case .kind(let kind): KindListPage.render(kind, site)
      case .object(let object): ObjectPageHTML.render(object, site)
      case .retired(let entry): RetiredPage.render(entry, site)
      }
    }
    files.append(SiteFile(path: "assets/site.css", bytes: Array(SiteAssets.css.utf8)))
    files.append(SiteFile(path: "assets/site.js", bytes: Array(SiteAssets.javaScript.utf8)))
    return files.sorted { $0.path < $1.path }
  }

  /// Writes `files` as the folder `destination`, built next to it and published in one rename. The folder may hold
  /// only what a site writes (its top-level files and folders); anything else is refused, never removed.
  public static func write(_ files: [SiteFile], to destination: URL) throws(WriteError) {
    let owned = Set(files.map { String($0.path.split(separator: "/")[0]) })
    let staged = try StagedFolder.begin(destination, owned: owned)
    do {
      try staged.write(files.map { (path: $0.path, bytes: $0.bytes) })
      try staged.publish()
    } catch {
      staged.discard()
      throw error
    }
  }
}
