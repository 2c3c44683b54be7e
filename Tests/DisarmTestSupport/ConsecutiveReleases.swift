/// The register the consecutive-release checks give the 2024-11-22 release (a test's choice, not DISARM's): three
/// techniques of 2024-03-13 that it dropped, two replaced and one not. Shared by the STIX versions tests and the
/// end-to-end identity tests, which must agree on it.
public enum ConsecutiveReleases {
  public static let register = """
    - id: T0090.001
      name: Create Anonymous Accounts
      retired: v1.6
      reason: Merged into the account techniques.
      replaced-by: T0146.003
    - id: T0007
      name: Create Inauthentic Social Media Pages and Groups
      retired: v1.6
      replaced-by: T0146
    - id: T0009
      name: Create Fake Experts
      retired: v1.6

    """
}
