import DisarmBrowsing
import DisarmExports
import DisarmLint
import DisarmRegeneration
import Testing

@Suite struct UUIDv5Tests {
  /// Values computed with Python's `uuid.uuid5`.
  @Test(arguments: [
    ("disarm.foundation", "db0ff757-ffec-57f1-b087-7c7fb134d12b"),
    ("T0151.008", "173252ff-39e4-512b-81ff-5a5b849d857f"),
  ])
  func matchesPythonsUUID5(name: String, expected: String) {
    #expect(UUIDv5(namespace: .dnsNamespace, name: name).description == expected)
  }

  @Test func parsesAndPrintsCanonicalForm() {
    #expect(UUIDv5("6BA7B810-9DAD-11D1-80B4-00C04FD430C8")?.description == "6ba7b810-9dad-11d1-80b4-00c04fd430c8")
    #expect(UUIDv5("not-a-uuid") == nil)
  }
}
