/// Assigns whole groups (tasks, problems) to folds, so no group is on both sides of a split.
public enum GroupedFolds {
    /// The fold of a group: a stable hash (FNV-1a) of its name, modulo `folds`.
    public static func fold(of group: String, folds: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in group.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int(hash % UInt64(max(1, folds)))
    }

    /// Per sample, its fold. A nonzero `seed` hashes `"seed/" + group` instead: another, equally valid split,
    /// to tell a real improvement from a lucky one.
    public static func assign(_ samples: [LabeledSample], folds: Int, seed: Int = 0) -> [Int] {
        samples.map { fold(of: seed == 0 ? $0.group : "\(seed)/\($0.group)", folds: folds) }
    }
}
