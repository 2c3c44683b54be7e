import Foundation

/// The `Countries` field of an incident page as DISARM's pages write it: `ATTRIBUTED , FOUND IN`, the actor's
/// countries (the data workbook's `attributions_seen`) and the countries the incident was seen in
/// (`found_in_country`) on either side of ` , ` (`Russia , France`, `Russia,UK , UK`, `Belarus , Lithuania, Latvia,
/// Poland`, ` , Qatar` when no actor is named). CSV datasets give the two as columns; STIX bundles as `location`
/// objects an incident `originates-from` (the actor's side) or `targets` or is `located-at` (where it was seen).
public enum IncidentCountries {
  /// The field's value, nil when neither side names anything (the page keeps what it has).
  public static func field(attributed: [String], foundIn: [String]) -> String? {
    let attributed = unique(attributed)
    let foundIn = unique(foundIn)
    guard !attributed.isEmpty || !foundIn.isEmpty else { return nil }
    // The release writes several attributions without a space (`Russia,Mexico`) and several countries found with
    // one (`Lithuania, Latvia, Poland`).
    return "\(attributed.joined(separator: ",")) , \(foundIn.joined(separator: ", "))"
  }

  /// The names, each with its white space collapsed, empty ones and repeats left out, in order.
  static func unique(_ names: [String]) -> [String] {
    var seen = Set<String>()
    var result: [String] = []
    for name in names.map(InputText.name) where !name.isEmpty && seen.insert(name.lowercased()).inserted {
      result.append(name)
    }
    return result
  }

  /// How a STIX `location` is written in the field: its `name` (pages write countries by name: `Russia`, `USA`),
  /// else its ISO 3166-1 alpha-2 `country` code as the English name of the region (`RU` is `Russia`; a code the
  /// system does not know is written as given, upper-cased), else its `region` (`eastern-europe`); nil for a location
  /// given only by coordinates or an address.
  public static func name(ofLocation name: String?, country: String?, region: String?) -> String? {
    if let name = name.map(InputText.name), !name.isEmpty { return name }
    if let code = country.map(InputText.name), !code.isEmpty {
      let upper = code.uppercased()
      if upper.count == 2, upper.allSatisfy({ $0.isASCII && $0.isLetter }),
        let english = Locale(identifier: "en_US_POSIX").localizedString(forRegionCode: upper),
        english.uppercased() != upper
      {
        return english
      }
      return upper
    }
    if let region = region.map(InputText.name), !region.isEmpty { return region }
    return nil
  }
}
