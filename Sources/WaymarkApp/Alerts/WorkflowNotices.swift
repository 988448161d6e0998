import Foundation
import WaymarkDomain

/// The words of each workflow notice, in one place: what happened, in a headline that stands on
/// its own in an inbox or a subject line, a sentence or two of body, and the page it is about.
/// Who hears is not decided here but by `NotificationRules`, from the event.
enum WorkflowNotices {
    // Pledges

    static func pledgeMade(_ pledge: Pledge, organisation: String, programme: String, amount: Money, slug: String) -> Notice {
        Notice(event: .pledgeMade(organisation: pledge.organisationID),
               headline: "\(organisation) pledged \(amount.display): decide on it",
               body: "\(organisation) pledged \(amount.display) (\(programme)). It counts in projected coverage until you confirm or decline it.",
               link: SiteMap.Tenant.pledge.path(slug, pledge.id!.uuidString), key: "pledge.made:\(pledge.id!.uuidString)")
    }

    static func pledgeDecided(_ pledge: Pledge, organisation: String, programme: String, slug: String) -> Notice {
        let link = SiteMap.Tenant.pledge.path(slug, pledge.id!.uuidString), key = "pledge.\(pledge.state):\(pledge.id!.uuidString)"
        switch pledge.pledgeState {
        case .withdrawn:
            return Notice(event: .pledgeWithdrawn(organisation: pledge.organisationID), headline: "\(organisation) withdrew its pledge (\(programme))",
                          body: "The pledge no longer counts in projected coverage; there is nothing to decide.", link: link, key: key)
        case .confirmed:
            return Notice(event: .pledgeDecided(organisation: pledge.organisationID), headline: "Your pledge was confirmed (\(programme))",
                          body: "The commissioner confirmed the pledge: its money is secured and counts in funded-until.", link: link, key: key)
        default:
            return Notice(event: .pledgeDecided(organisation: pledge.organisationID), headline: "Your pledge was declined (\(programme))",
                          body: "The commissioner declined the pledge: \(pledge.decisionReason)", link: link, key: key)
        }
    }
}

extension WorkflowNotices {
    // Commissioning

    static func specificationPublished(_ spec: Specification, slug: String) -> Notice {
        Notice(event: .specificationPublished, headline: "New call for bids: \(spec.title)",
               body: "A specification worth \(spec.totalValue.display) is open for bids until \(spec.closing.display) (UK time). Read it, ask questions and bid in Waymark.",
               link: SiteMap.Tenant.specification.path(slug, spec.id.uuidString), key: "specification.published:\(spec.id.uuidString)")
    }

    static func deadlineNear(_ spec: Specification, slug: String) -> Notice {
        Notice(event: .deadlineNear, headline: "Bids for \(spec.title) close on \(spec.closing.day.display)",
               body: "The deadline is \(spec.closing.display) (UK time). A draft counts only once it is submitted.",
               link: SiteMap.Tenant.specification.path(slug, spec.id.uuidString), key: "specification.deadline:\(spec.id.uuidString)")
    }

    /// One notice for each assessor, so one added later hears too, and nobody twice.
    static func bidsReadyToScore(_ spec: Specification, panel: Set<UUID>, slug: String) -> [Notice] {
        panel.sorted { $0.uuidString < $1.uuidString }.map { person in
            Notice(event: .bidsReadyToScore(panel: [person]), headline: "Bids are ready to score: \(spec.title)",
                   body: "Evaluation has begun. Declare any conflict of interest with each bidder, then score the bids you may read.",
                   link: SiteMap.Tenant.bids.path(slug, spec.id.uuidString), key: "specification.evaluation:\(spec.id.uuidString):\(person.uuidString)")
        }
    }

    static func clarificationAnswered(_ record: ClarificationRecord, spec: Specification, bidders: Set<UUID>, slug: String) -> Notice {
        Notice(event: .clarificationAnswered(bidders: bidders), headline: "A question on \(spec.title) was answered",
               body: "Question: \(record.question.clipped(400))\n\nAnswer: \(record.answer?.clipped(800) ?? "")",
               link: SiteMap.Tenant.specification.path(slug, spec.id.uuidString), key: "clarification.answered:\(record.id!.uuidString)")
    }

    static func award(_ spec: Specification, winner: UUID, bidders: Set<UUID>, slug: String) -> [Notice] {
        let link = SiteMap.Tenant.specification.path(slug, spec.id.uuidString)
        return [Notice(event: .bidWon(bidder: winner), headline: "Your bid won: \(spec.title)",
                       body: "The commissioner awarded the contract to your organisation. They will be in touch to make the contract; your feedback is on the specification's page.",
                       link: link, key: "award.won:\(spec.id.uuidString)")]
            + bidders.subtracting([winner]).sorted { $0.uuidString < $1.uuidString }.map { bidder in
                Notice(event: .bidLost(bidder: bidder), headline: "Your bid was not successful: \(spec.title)",
                       body: "The commissioner awarded the contract to another bidder. Your scores and the reasons are in your feedback on the specification's page.",
                       link: link, key: "award.lost:\(spec.id.uuidString):\(bidder.uuidString)")
            }
    }
}

extension String {
    /// At most `length` characters, with an ellipsis when cut.
    func clipped(_ length: Int) -> String { count <= length ? self : String(prefix(length - 1)) + "…" }
}

extension WorkflowNotices {
    // Contracts, payments and returns

    static func contractVaried(reference: String, contractID: UUID, provider: UUID, change: String, effective: Day, sequence: Int, slug: String) -> Notice {
        Notice(event: .contractVaried(provider: provider), headline: "\(reference) was varied: \(change)",
               body: "The commissioner approved a variation to \(reference) from \(effective.display): \(change). The contract's page shows its terms and payment schedule now.",
               link: SiteMap.Tenant.contract.path(slug, contractID.uuidString), key: "contract.varied:\(contractID.uuidString):\(sequence)")
    }

    static func paymentMade(reference: String, contractID: UUID, provider: UUID, line: String, amount: Money, paidOn: Day,
                            lineID: UUID, slug: String) -> Notice {
        Notice(event: .paymentMade(provider: provider), headline: "\(reference): \(line) paid, \(amount.display)",
               body: "Finance recorded \(line) of \(reference) (\(amount.display)) as paid on \(paidOn.display).",
               link: SiteMap.Tenant.contract.path(slug, contractID.uuidString), key: "payment.paid:\(lineID.uuidString)")
    }

    static func returnReviewed(_ file: ReturnFile, step: ReturnReview.Step, version: Int, note: String, slug: String) -> Notice {
        let reference = file.contract.reference, month = file.month.longDisplay
        let (headline, body): (String, String) = switch step {
        case .approve: ("\(reference): the \(month) return was approved", "The commissioner approved version \(version). Its months now count towards payment.")
        case .query: ("\(reference): the \(month) return was queried", "The commissioner commented on some lines of version \(version). Read the comments, then resubmit.")
        case .sendBack: ("\(reference): the \(month) return was sent back", "The commissioner sent version \(version) back: \(note.clipped(600))")
        }
        return Notice(event: .returnReviewed(provider: file.contract.providerOrganisationID), headline: headline, body: body,
                      link: SiteMap.Tenant.monthlyReturn.path(slug, file.contract.id!.uuidString, file.month.description),
                      key: "return.\(step.rawValue):\(file.contract.id!.uuidString):\(file.month.description):\(version)")
    }

    // Forecasts

    static func forecastFinished(_ record: ForecastScenarioRecord, ranBy: UUID, slug: String) -> Notice {
        let failed = record.state == .failed
        return Notice(event: .forecastFinished(ranBy: ranBy, shared: record.shared),
                      headline: failed ? "Your forecast could not run: \(record.name)" : "Your forecast finished: \(record.name)",
                      body: failed ? (record.runError ?? "The run failed.") : "The results of \(record.name) are ready to read.",
                      link: SiteMap.Tenant.forecast.path(slug, record.id!.uuidString),
                      key: "forecast.finished:\(record.id!.uuidString):\(record.runRequestedAt.map { String(Int($0.timeIntervalSince1970)) } ?? "")")
    }
}
