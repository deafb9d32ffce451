import ForewarmPools

/// Chooses the routing score thresholds jointly with the pools' types and sizes: for every pair of candidate cut
/// points (c₁ ≤ c₂, splitting scores into light [0, c₁), standard [c₁, c₂) and heavy [c₂, 100]), each side gets the
/// share of the forecast arrivals and CPU-seconds its recent samples had, its cheapest admissible type and its
/// Erlang size; the plan with the lowest total price per hour wins. Empty sides cost nothing, so at low load the
/// planner merges pools (fewer warm spares), and at high load it splits them (cheap types for the many light runs).
public struct CutPointPlanner: Sendable, Hashable {
    public var chooser: InstanceTypeChooser
    /// Candidate cut points; 0 and 100 allow a side to be empty.
    public var candidates: [Double]

    /// The chances of finding no warm instance a pool may be given. The SLO's overall budget, 1 − waitPercentile of
    /// all arrivals, is shared out: Σ share(pool) × ε(pool) ≤ budget, at the least price — a pool that gets few
    /// arrivals but needs expensive instances (long heavy runs) may go without warm instances (ε = 1) while the pool
    /// most requests go to is kept warm.
    public var epsilons: [Double]

    public init(
        chooser: InstanceTypeChooser = InstanceTypeChooser(),
        candidates: [Double] = stride(from: 0, through: 100, by: 10).map { $0 },
        epsilons: [Double] = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]
    ) {
        self.chooser = chooser
        self.epsilons = epsilons.filter { $0 > 0 && $0.isFinite }.sorted()
        self.candidates = Array(Set(candidates.filter { $0.isFinite && $0 >= 0 && $0 <= 100 } + [0, 100])).sorted()
    }

    public struct Plan: Sendable, Hashable {
        /// The two cut points: light below the first, heavy from the second up.
        public var cuts: [Double]
        /// Per side, light to heavy.
        public var choices: [InstanceTypeChooser.Choice]
        /// Per side, the chance of finding no warm instance it was given.
        public var noWarmProbabilities: [Double]
        /// Per side, its share of the arrivals.
        public var shares: [Double]
        public var costPerHour: Double { choices.reduce(0) { $0 + $1.costPerHour } }
    }

    /// The cheapest plan for `samples` and the overall forecast (`arrivalRate` per second, `workRate` CPU-seconds
    /// per second), and the plan keeping the `current` cuts (when given and among the candidates); nil without
    /// samples.
    public func plan(
        samples: [DemandSample], arrivalRate: Double, workRate: Double, catalog: InstanceCatalog,
        current: [Double]? = nil
    ) -> (best: Plan, current: Plan?)? {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted { $0.score < $1.score }
        let totalCPU = max(sorted.reduce(0) { $0 + $1.cpuSeconds }, 1e-12)
        // Index of the first sample at or above each candidate (the last candidate, 100, takes all above).
        let bounds = candidates.map { c in
            c >= 100 ? sorted.count : (sorted.firstIndex { $0.score >= c } ?? sorted.count)
        }
        let budget = 1 - chooser.slo.waitPercentile
        var memo: [Int: (share: Double, options: [(epsilon: Double, choice: InstanceTypeChooser.Choice)])] = [:]
        func side(_ i: Int, _ j: Int) -> (
            share: Double, options: [(epsilon: Double, choice: InstanceTypeChooser.Choice)]
        ) {
            if let c = memo[i * 1_000 + j] { return c }
            let slice = sorted[bounds[i]..<bounds[j]]
            let profile = DemandProfile(slice, percentile: chooser.slo.percentile)
            let share = Double(slice.count) / Double(sorted.count)
            let cpuShare = profile.totalCPUSeconds / totalCPU
            let options = (epsilons + [budget]).map { epsilon in
                (
                    epsilon,
                    chooser.choose(
                        catalog: catalog, profile: profile, arrivalRate: arrivalRate * share,
                        workRate: workRate * cpuShare,
                        noWarmProbability: epsilon)
                )
            }
            memo[i * 1_000 + j] = (share, options)
            return (share, options)
        }
        var best: Plan?, kept: Plan?
        let last = candidates.count - 1
        for i in 0...last {
            for j in i...last {
                let sides = [side(0, i), side(i, j), side(j, last)]
                // The cheapest combination within the budget, first found on ties (the loops compare plain
                // numbers; only the winner becomes a Plan).
                let epsilons = sides.map { $0.options.map(\.epsilon) }
                let costs = sides.map { $0.options.map(\.choice.costPerHour) }
                let shares = sides.map(\.share)
                var chosen: (a: Int, b: Int, c: Int)?
                var chosenCost = 0.0
                for a in epsilons[0].indices {
                    let spentA = shares[0] * epsilons[0][a]
                    for b in epsilons[1].indices {
                        let spentAB = spentA + shares[1] * epsilons[1][b]
                        let costAB = costs[0][a] + costs[1][b]
                        for c in epsilons[2].indices {
                            let spent = spentAB + shares[2] * epsilons[2][c]
                            guard spent <= budget + 1e-12 else { continue }
                            let cost = costAB + costs[2][c]
                            if chosen == nil || cost < chosenCost - 1e-12 {
                                chosen = (a, b, c)
                                chosenCost = cost
                            }
                        }
                    }
                }
                guard let (a, b, c) = chosen else { continue }
                let plan = Plan(
                    cuts: [candidates[i], candidates[j]],
                    choices: [sides[0].options[a].choice, sides[1].options[b].choice, sides[2].options[c].choice],
                    noWarmProbabilities: [epsilons[0][a], epsilons[1][b], epsilons[2][c]], shares: shares)
                if best.map({ plan.costPerHour < $0.costPerHour - 1e-12 }) ?? true { best = plan }
                if plan.cuts == current { kept = plan }
            }
        }
        guard let best else { return nil }
        return (best, kept)
    }
}
