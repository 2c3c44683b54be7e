import Testing

@testable import DisarmFramework

/// Kinds sort and hash by their place in declaration order (``ObjectKind/order``), which must be the order of
/// `allCases`, one place per kind.
@Suite struct ObjectKindTests {
  @Test func orderIsDeclarationOrder() {
    #expect(ObjectKind.allCases.map(\.order) == Array(0..<ObjectKind.allCases.count))
    #expect(ObjectKind.allCases.shuffled().sorted() == ObjectKind.allCases)
    #expect(Set(ObjectKind.allCases).count == ObjectKind.allCases.count)
  }
}
