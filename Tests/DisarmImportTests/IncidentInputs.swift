import Foundation

/// Incident files written by the tests, in the shapes the ecosystem's tools write them.
enum IncidentInputs {
  /// The Foundation's STIX id of T0002 (DISARM-stix-2025-02-10.json, also in 2024-03-14's bundle).
  static let foundationT0002 = "attack-pattern--70717452-f7e3-4ce8-956f-39a4d34c5cfb"

  /// A STIX bundle with an intrusion-set labelled `incident`, a campaign and a report; attack-patterns carry DISARM
  /// identifiers under three source names, as `x_mitre_id`, and one is named only by the Foundation's STIX id.
  static func stixBundle(description: String = "Bots reposted the cloned articles.", unknown: Bool = false) -> String {
    """
    {
      "type": "bundle",
      "id": "bundle--66666666-6666-4666-8666-666666666666",
      "objects": [
        {"type": "identity", "spec_version": "2.1", "id": "identity--11111111-1111-4111-8111-111111111111",
         "name": "DISINFOX", "identity_class": "organization"},
        {"type": "intrusion-set", "spec_version": "2.1", "id": "intrusion-set--22222222-2222-4222-8222-222222222222",
         "name": "Doppelganger clone sites", "labels": ["incident"],
         "description": "Cloned news sites\\nspread fabricated articles | with bots.", "first_seen": "2022-05-01T00:00:00Z",
         "created": "2024-05-02T10:00:00.000Z", "created_by_ref": "identity--11111111-1111-4111-8111-111111111111",
         "external_references": [{"source_name": "report", "url": "https://example.org/doppelganger"}]},
        {"type": "intrusion-set", "spec_version": "2.1", "id": "intrusion-set--99999999-2222-4222-8222-222222222222",
         "name": "A threat actor, not an incident"},
        {"type": "campaign", "spec_version": "2.1", "id": "campaign--33333333-3333-4333-8333-333333333333",
         "name": "Hashtag flooding before an election", "description": "Bots flooded a hashtag.",
         "created": "2024-06-01T00:00:00.000Z"},
        {"type": "report", "spec_version": "2.1", "id": "report--44444444-4444-4444-8444-444444444444",
         "name": "Fake fact-checkers", "description": "A report.", "created": "2024-07-01T00:00:00.000Z",
         "object_refs": ["\(foundationT0002)", "attack-pattern--aaaaaaaa-0000-4000-8000-000000000003"]},
        {"type": "attack-pattern", "spec_version": "2.1", "id": "attack-pattern--aaaaaaaa-0000-4000-8000-000000000001",
         "name": "Develop Image-based Content",
         "external_references": [{"source_name": "DISARM", "external_id": "T0085.001"}]},
        {"type": "attack-pattern", "spec_version": "2.1", "id": "attack-pattern--aaaaaaaa-0000-4000-8000-000000000002",
         "name": "Whatever", "x_mitre_id": "T0073"},
        {"type": "attack-pattern", "spec_version": "2.1", "id": "attack-pattern--aaaaaaaa-0000-4000-8000-000000000003",
         "name": "Whatever", "external_references": [{"source_name": "disarm", "external_id": "T0151.008"}]},
        {"type": "attack-pattern", "spec_version": "2.1", "id": "attack-pattern--aaaaaaaa-0000-4000-8000-000000000004",
         "name": "Whatever", "external_references": [{"source_name": "mitre-attack", "external_id": "\(unknown ? "T0999" : "T0132")"}]},
        {"type": "relationship", "spec_version": "2.1", "id": "relationship--55555555-0000-4000-8000-000000000001",
         "relationship_type": "uses", "source_ref": "intrusion-set--22222222-2222-4222-8222-222222222222",
         "target_ref": "attack-pattern--aaaaaaaa-0000-4000-8000-000000000001", "description": "\(description)"},
        {"type": "relationship", "spec_version": "2.1", "id": "relationship--55555555-0000-4000-8000-000000000002",
         "relationship_type": "uses", "source_ref": "intrusion-set--22222222-2222-4222-8222-222222222222",
         "target_ref": "attack-pattern--aaaaaaaa-0000-4000-8000-000000000004", "description": "Fabricated articles."},
        {"type": "relationship", "spec_version": "2.1", "id": "relationship--55555555-0000-4000-8000-000000000003",
         "relationship_type": "uses", "source_ref": "campaign--33333333-3333-4333-8333-333333333333",
         "target_ref": "attack-pattern--aaaaaaaa-0000-4000-8000-000000000002", "description": "Hashtags were flooded."}
      ]
    }
    """
  }

  /// A MISP event export: techniques as a galaxy cluster, an event tag and a tagged text attribute (whose value is
  /// the use's description).
  static func mispEvent(description: String = "Bots reposted the articles.") -> String {
    """
    {"response": [{"Event": {
      "uuid": "5c1d0000-0000-4000-8000-000000000001", "info": "Clone sites in MISP", "date": "2023-03-04",
      "Orgc": {"name": "CERT-Example"},
      "Attribute": [
        {"uuid": "5c1d0000-0000-4000-8000-0000000000a1", "type": "text", "category": "Other",
         "value": "Cloned sites spread articles."},
        {"uuid": "5c1d0000-0000-4000-8000-0000000000a2", "type": "link", "category": "External analysis",
         "value": "https://example.org/misp-report"},
        {"uuid": "5c1d0000-0000-4000-8000-0000000000a3", "type": "text", "category": "Other",
         "value": "\(description)",
         "Tag": [{"name": "misp-galaxy:disarm-techniques=\\"T0085.001 - Develop Image-based Content\\""}]}
      ],
      "Tag": [{"name": "tlp:white"}, {"name": "misp-galaxy:disarm-techniques=\\"T0073 - Determine Target Audiences\\""}],
      "Galaxy": [{"type": "disarm-techniques", "GalaxyCluster": [
        {"uuid": "5c1d0000-0000-4000-8000-0000000000c1", "value": "Microblogging Platform",
         "tag_name": "misp-galaxy:disarm-techniques=\\"T0151.008 - Microblogging Platform\\"",
         "meta": {"external_id": ["T0151.008"]}}
      ]}]
    }}]}
    """
  }
}
