extension RouteCoverage {
    /// DESIGN.md, "Status": the first rule that applies, with its reasons.
    ///
    /// 1. `unfunded` — the next school day is not fully covered even counting pledges;
    /// 2. `atRisk` — projected funding ends within `windows.atRiskDays`;
    /// 3. `watch` — secured funding ends within `windows.watchDays`;
    /// 4. `secure`.
    ///
    /// When the schedule has no school day on or after `asOf` (the term dates run out, or the
    /// route has closed) the route is `unfunded`: nothing can be shown to pay for its next
    /// day, and a quieter status would hide the missing term dates. The reason says which.
    /// The caller asks only about routes that are active on `asOf`.
    public func status(asOf: Day, windows: StatusWindows = .standard) -> RouteStatusReport {
        let next = schedule.index(onOrAfter: asOf)
        let securedRun = secured.fundedRun(asOf: asOf)
        let projectedRun = projected.fundedRun(asOf: asOf)
        func report(_ status: RouteStatus, _ reasons: [StatusReason]) -> RouteStatusReport {
            RouteStatusReport(status: status, reasons: reasons, asOf: asOf,
                              nextSchoolDay: next < schedule.count ? schedule.days[next] : nil,
                              securedFundedUntil: securedRun?.lastDay, projectedFundedUntil: projectedRun?.lastDay)
        }

        guard next < schedule.count else {
            return report(.unfunded, [.noSchoolDayAhead(asOf: asOf, end: schedule.end)])
        }
        guard let projectedRun else {
            return report(.unfunded, unfundedReasons(nextIndex: next, asOf: asOf))
        }
        if projected.endsWithin(days: windows.atRiskDays, asOf: asOf) {
            return report(.atRisk, [.fundingEnds(fundingEnd(projected, projectedRun))]
                + pledgeReasons(securedRun, projectedRun, nextIndex: next))
        }
        if secured.endsWithin(days: windows.watchDays, asOf: asOf) {
            let confirmed: StatusReason = securedRun.map { .fundingEnds(fundingEnd(secured, $0)) }
                ?? .noConfirmedFunding(nextSchoolDay: schedule.days[next])
            return report(.watch, [confirmed] + pledgeReasons(securedRun, projectedRun, nextIndex: next))
        }
        let run = securedRun!   // not ending within the window, so there is a run
        var closes: Day? = nil
        if run.reachesEndOfSchedule, case .routeCloses(let day) = schedule.end { closes = day }
        return report(.secure, [.securedThrough(lastDay: run.lastDay, schoolDays: run.schoolDays, routeCloses: closes)])
    }

    /// Why the next school day is not paid for, what paid last, and when money comes back.
    private func unfundedReasons(nextIndex next: Int, asOf: Day) -> [StatusReason] {
        let day = schedule.days[next]
        var reasons: [StatusReason] = []
        if let cost = schedule.cost(at: next) {
            reasons.append(.nextSchoolDayNotFunded(day: day, cost: cost, funded: projected.paid(at: next)))
        } else {
            reasons.append(.nextSchoolDayCostUnknown(day: day))
        }
        // The allocation whose last payment came latest, up to and including the next school
        // day (money that runs out part-way through that day is what left it short).
        var last: (allocation: Int, day: Int)? = nil
        for a in allocations.indices {
            if let drew = projected.lastDrawDay(allocationAt: a), drew <= next, drew >= (last?.day ?? -1) {
                last = (a, drew)
            }
        }
        if let last {
            reasons.append(.fundingStopped(label: allocations[last.allocation].label,
                                           stop: stop(of: last.allocation, in: projected), asOf: asOf))
        }
        let resumes = projected.firstCovered(after: next)
        if resumes < schedule.count, let payer = mainPayer(projected, dayIndex: resumes) {
            reasons.append(.fundingStarts(day: schedule.days[resumes], label: allocations[payer].label, again: last != nil))
        }
        return reasons
    }

    /// When confirmed money stops short of projected money, name the pledges that carry on.
    private func pledgeReasons(_ securedRun: FundedRun?, _ projectedRun: FundedRun, nextIndex next: Int) -> [StatusReason] {
        let gap = securedRun?.endIndex ?? next
        guard gap < projectedRun.endIndex else { return [] }
        var funders: [String] = []
        for (a, _) in projected.payments(onDayAt: gap) where allocations[a].status == .pledged {
            if !funders.contains(allocations[a].funderName) { funders.append(allocations[a].funderName) }
        }
        guard !funders.isEmpty else { return [] }
        var after: Day? = nil
        if let securedRun {
            let end = fundingEnd(secured, securedRun)
            if case .periodEnds(let day)? = end.stop { after = day } else { after = securedRun.lastDay }
        }
        return [.keptGoingByPledges(funders: funders, after: after, from: schedule.days[gap])]
    }

    /// The money behind a run's last day, how it stops, and what comes after.
    func fundingEnd(_ walk: CoverageWalk, _ run: FundedRun) -> FundingEnd {
        let lastIndex = run.endIndex - 1
        let payer = mainPayer(walk, dayIndex: lastIndex)
        let after: AfterFunding
        if run.endIndex == schedule.count {
            switch schedule.end {
            case .termDatesEnd(let known): after = .termDatesEnd(known)
            case .routeCloses(let day): after = .routeCloses(day)
            }
        } else {
            let day = schedule.days[run.endIndex]
            switch walk.state(at: run.endIndex) {
            case .partlyCovered: after = .partlyFunded(day)
            case .unknownCost: after = .costUnknown(day)
            default: after = .unfunded(day)
            }
        }
        return FundingEnd(basis: walk.basis, label: payer.map { allocations[$0].label },
                          stop: payer.map { stop(of: $0, in: walk) }, lastFundedDay: run.lastDay,
                          schoolDaysLeft: run.schoolDays, after: after)
    }

    /// The allocation that paid most of a day (the earliest in drawing order on a tie).
    private func mainPayer(_ walk: CoverageWalk, dayIndex: Int) -> Int? {
        var best: (index: Int, amount: Money)? = nil
        for payment in walk.payments(onDayAt: dayIndex) where payment.amount > (best?.amount ?? .zero) {
            best = (payment.allocationIndex, payment.amount)
        }
        return best?.index
    }

    /// Money used up before the allocation's last school day "runs out"; otherwise its period ends.
    private func stop(of index: Int, in walk: CoverageWalk) -> FundingStop {
        let allocation = allocations[index].allocation
        let lastSchoolDay = schedule.indexes(in: allocation.period).last
        if let drew = walk.lastDrawDay(allocationAt: index), let lastSchoolDay, drew < lastSchoolDay,
           walk.lapsed(allocationAt: index).isZero {
            return .moneyRunsOut(schedule.days[drew])
        }
        return .periodEnds(allocation.period.end)
    }
}

extension CoverageWalk {
    /// First fully covered day after `index` (`count` when none).
    func firstCovered(after index: Int) -> Int {
        var i = index + 1
        while i < schedule.count && !isCovered(at: i) { i += 1 }
        return i
    }
}
