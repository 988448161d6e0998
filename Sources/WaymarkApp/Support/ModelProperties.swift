import Fluent

// Fluent finds a model's fields by reflection (`Mirror`) every time it reads a row or writes one,
// and on Linux that reflection demangles each field's type anew: it was a third of the CPU time
// of a signed-in page and of the funding dashboard (issue 20). `properties` is the protocol's
// own requirement, so listing each model's fields here is what Fluent then uses everywhere.
// `ModelPropertiesTests` holds every list to the model's reflected fields, so none goes stale.

extension InboxMessage {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $personID, $kind, $headline, $body, $link, $alertKey, $asOfDay, $createdAt, $readAt
        ]
    }
}

extension OutboxEmail {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $personID, $toAddress, $subject, $body, $createdAt, $sentAt, $attempts, $lastError, $nextAttemptAt
        ]
    }
}

extension AlertKey {
    var properties: [any AnyProperty] { [$id, $tenantID, $key, $createdAt] }
}

extension RouteAlertState {
    var properties: [any AnyProperty] { [$id, $tenantID, $routeID, $status, $asOfDay] }
}

extension AuditChainCheck {
    var properties: [any AnyProperty] { [$id, $chain, $seq, $hash, $checkedAt, $fullAt, $brokenSeq, $brokenProblem] }
}

extension AuditEntry {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $chain, $seq, $actorID, $actorLabel, $action, $entity, $entityID, $beforeJSON, $afterJSON,
            $atMilliseconds, $prevHash, $hash, $scheme
        ]
    }
}

extension APIToken {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $personID, $name, $tokenHash, $prefix, $createdAt, $lastUsedAt, $revokedAt
        ]
    }
}

extension Person {
    var properties: [any AnyProperty] {
        [
            $id, $name, $email, $passwordHash, $isOperator, $version, $passwordChangedAt, $mustChangePassword,
            $oneTimePasswordExpiresAt, $emailOffKinds, $weeklyDigest, $createdAt, $updatedAt
        ]
    }
}

extension SignInAttempt {
    var properties: [any AnyProperty] { [$id, $email, $ipAddress, $succeeded, $attemptedAt] }
}

extension WebSession {
    var properties: [any AnyProperty] { [$id, $tokenHash, $personID, $csrfToken, $createdAt, $lastSeenAt, $expiresAt] }
}

extension LocalAuthority {
    var properties: [any AnyProperty] { [$id, $tenantID, $name, $gssCode, $calendarID, $version] }
}

extension TermCalendarRecord {
    var properties: [any AnyProperty] { [$id, $tenantID, $name, $version] }
}

extension TermPeriod {
    var properties: [any AnyProperty] { [$id, $tenantID, $calendarID, $academicYear, $kind, $startDay, $endDay] }
}

extension Area {
    var properties: [any AnyProperty] { [$id, $tenantID, $localAuthorityID, $name] }
}

extension School {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $localAuthorityID, $areaID, $name, $urn, $phase, $latitude, $longitude, $version
        ]
    }
}

extension BidRecord {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $specificationID, $providerOrganisationID, $draft, $draftSavedAt, $draftSavedBy, $createdAt
        ]
    }
}

extension BidVersionRecord {
    var properties: [any AnyProperty] { [$id, $tenantID, $bidID, $number, $content, $submittedAt, $submittedBy, $withdrawnAt] }
}

extension ContractRecord {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $reference, $title, $specificationID, $awardedBidID, $providerOrganisationID, $valuePence,
            $originalTerms, $kpis, $fundingLinks, $createdBy, $createdAt, $version, $howLet, $signedOn, $publication,
            $withheldNote, $publishedAsGrant
        ]
    }
}

extension ContractVariationRecord {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $contractID, $sequence, $change, $reason, $effectiveDay, $approvedBy, $approvedAt
        ]
    }
}

extension PaymentLineRecord {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $contractID, $number, $startDay, $endDay, $amountPence, $paidOn, $paidBy
        ]
    }
}

extension PanelAssessorRecord {
    var properties: [any AnyProperty] { [$id, $tenantID, $specificationID, $personID, $assignedAt, $assignedBy] }
}

extension ConflictDeclarationRecord {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $specificationID, $assessorID, $bidderID, $conflicted, $reason, $declaredAt
        ]
    }
}

extension AssessorScoreRecord {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $specificationID, $bidID, $assessorID, $item, $score, $justification, $scoredAt
        ]
    }
}

extension ModeratedScoreRecord {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $specificationID, $bidID, $item, $score, $note, $moderatedBy, $moderatedAt
        ]
    }
}

extension AwardRecord {
    var properties: [any AnyProperty] { [$id, $tenantID, $specificationID, $winningBidID, $reasons, $decidedBy, $decidedAt] }
}

extension SpecificationRecord {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $title, $status, $definition, $closesAt, $createdBy, $createdAt, $updatedAt, $publishedAt,
            $closedAt, $evaluationBeganAt, $awardedAt, $cancelledAt, $version, $publication, $withheldNote
        ]
    }
}

extension ClarificationRecord {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $specificationID, $question, $askedByOrganisationID, $askedBy, $askedAt, $answer, $answeredBy,
            $answeredAt
        ]
    }
}

extension ForecastScenarioRecord {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $name, $description, $definition, $asOfDay, $horizonMonths, $shared, $createdBy, $createdAt,
            $updatedAt, $version, $runState, $runBy, $runByPersonID, $runRequestedAt, $runFinishedAt, $runError, $runDefinition,
            $results
        ]
    }
}

extension FundingSourceRecord {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $funderOrganisationID, $programme, $kind, $amountPence, $startDay, $endDay, $status,
            $restrictedAuthorityIDsJSON, $restrictedRouteIDsJSON, $renewable, $reference, $conditions, $documents, $version,
            $createdAt, $updatedAt
        ]
    }
}

extension FundingStatusChange {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $sourceID, $fromStatus, $toStatus, $changedBy, $changedAt, $effectiveDayText
        ]
    }
}

extension AllocationRecord {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $sourceID, $routeID, $amountPence, $startDay, $endDay, $enteredAt, $agreedOnText, $version
        ]
    }
}

extension Pledge {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $sourceID, $organisationID, $state, $note, $decisionReason, $pledgedBy, $pledgedAt, $decidedBy,
            $decidedAt, $version
        ]
    }
}

extension Job {
    var properties: [any AnyProperty] {
        [
            $id, $kind, $tenantID, $subject, $uniqueKey, $state, $attempts, $maxAttempts, $runAfter, $leaseUntil, $claimedBy,
            $claimToken, $lastError, $phase, $completed, $total, $createdAt, $startedAt, $finishedAt
        ]
    }
}

extension Invitation {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $organisationID, $role, $email, $name, $tokenHash, $expiresAt, $invitedBy, $invitedByLabel,
            $createdAt, $acceptedAt, $acceptedPersonID, $cancelledAt, $version
        ]
    }
}

extension MonthlyReturnRecord {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $contractID, $monthText, $statusText, $dueDayText, $extensionReason, $extendedBy, $extendedAt,
            $draft, $draftSavedAt, $draftSavedBy, $firstSubmittedAt, $latestVersion, $version, $createdAt, $updatedAt
        ]
    }
}

extension ReturnVersionRecord {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $returnID, $number, $contentJSON, $channel, $submittedAt, $submittedBy, $submittedByName
        ]
    }
}

extension ReturnReviewRecord {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $returnID, $versionNumber, $stepText, $note, $lineCommentsJSON, $reviewedBy, $reviewedAt
        ]
    }
}

extension Route {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $code, $name, $localAuthorityID, $areaID, $childrenPerDay, $status, $startDay, $endDay, $closedOn,
            $pathJSON, $chaperonePointsJSON, $version, $publication, $withheldNote, $pathPublished, $createdAt, $updatedAt
        ]
    }
}

extension RouteSchool {
    var properties: [any AnyProperty] { [$id, $tenantID, $routeID, $schoolID] }
}

extension RouteCostRecord {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $routeID, $effectiveFrom, $chaperones, $minutesPerDay, $hourlyRatePence, $dailyManagementPence
        ]
    }
}

extension FeedbackMessage {
    var properties: [any AnyProperty] { [$id, $personID, $page, $message, $createdAt] }
}

extension Organisation {
    var properties: [any AnyProperty] {
        [
            $id, $tenantID, $name, $kind, $gssCode, $charityNumber, $companyNumber, $urn, $ukprn, $retiredOn, $localAuthorityID,
            $version, $createdAt, $updatedAt
        ]
    }
}

extension Membership {
    var properties: [any AnyProperty] { [$id, $tenantID, $personID, $organisationID, $role, $createdAt] }
}

extension Tenant {
    var properties: [any AnyProperty] {
        [
            $id, $slug, $name, $atRiskWindowDays, $watchWindowDays, $returnDueWorkingDay, $version, $orgID, $grantPrefix,
            $ocdsPrefix, $paymentThresholdPence, $createdAt, $updatedAt
        ]
    }
}
