using DualRandomGraph.Domain.Compliance;
using DualRandomGraph.Domain.Registry;

namespace DualRandomGraph.Api.Compliance;

/// <summary>
/// The compliance figures of one agency in one quarter, or in a whole year when <see cref="Quarter"/> is null. Random
/// checks only (records of committed draws and imported history); targeted checks are in <see cref="Targeted"/>.
/// </summary>
public sealed record ComplianceStats(
    int AgencyId,
    string AgencyCode,
    string AgencyName,
    int Year,
    int? Quarter,
    ComplianceView View,
    IReadOnlyList<CategoryCompliance> Categories,
    KeyCoverage KeyCoverage,
    PublicationFigures Publications,
    ResultFigures Results,
    TeamFigures Teams,
    TargetedChecks Targeted)
{
    /// <summary>The last quarter the figures reach: the quarter, or the fourth of a year.</summary>
    public int ThroughQuarter => Quarter ?? 4;
}

/// <summary>
/// Who the figures are for. <see cref="Public"/> figures are computed from the published tables in force, so they show
/// exactly what those tables reveal (an amendment not yet republished stays out); <see cref="Staff"/> figures from the
/// records themselves.
/// </summary>
public enum ComplianceView
{
    Staff,
    Public,
}

/// <summary>One stratum: its pool and quota (from the quota calculator the draw uses), what was drawn and inspected.</summary>
public sealed record CategoryCompliance(
    TargetCategory Category,
    int PoolSize,
    int RequiredMinimum,
    int Drawn,
    int InspectedFirms,
    int Visits,
    double Ratio,
    double RequiredRatio,
    bool Met);

/// <summary>R1's annual part: the active key targets inspected at random this year up to the end of the period.</summary>
public sealed record KeyCoverage(int KeyTargets, int Covered)
{
    /// <summary>Covered over key targets, 0–1; 1 when there is no key target.</summary>
    public double Ratio => KeyTargets == 0 ? 1 : CategoryFigures.Share(Covered, KeyTargets);
}

/// <summary>R5: publications of the period made on time or late, and quarters drawn here whose results are unpublished.</summary>
public sealed record PublicationFigures(int OnTime, IReadOnlyList<LatePublication> Late, IReadOnlyList<DuePublication> Due);

/// <summary>
/// A quarter whose first publication came after its deadline, with the working days after the deadline up to the day
/// of publication (null when the calendar lacks a year between).
/// </summary>
public sealed record LatePublication(int Year, int Quarter, DateOnly Deadline, DateOnly PublishedOn, int? WorkingDaysLate);

/// <summary>
/// A drawn quarter whose results are not published yet: the last inspection once every task is recorded (null while
/// visits are still due), and the R5 deadline after it (null while work goes on, or when the calendar lacks the year).
/// </summary>
public sealed record DuePublication(int Year, int Quarter, int UnrecordedTasks, DateOnly? WorkCompletedOn, DateOnly? Deadline, bool Overdue);

/// <summary>What the random checks of the period found.</summary>
public sealed record ResultFigures(int Visits, int ProblemsFound, int Transfers, int OffSite)
{
    public double ProblemFoundRate => CategoryFigures.Share(ProblemsFound, Visits);

    public double OffSiteShare => CategoryFigures.Share(OffSite, Visits);
}

/// <summary>The teams of the period's tasks: tasks per inspector, and the places held by auxiliary staff (辅助检查人员).</summary>
public sealed record TeamFigures(Workload Workload, int Places, int AuxiliaryPlaces)
{
    public double AuxiliaryShare => CategoryFigures.Share(AuxiliaryPlaces, Places);
}

/// <summary>针对性检查 of the period: never random coverage, reported apart.</summary>
public sealed record TargetedChecks(int Inspections, int ProblemsFound, int Transfers);
