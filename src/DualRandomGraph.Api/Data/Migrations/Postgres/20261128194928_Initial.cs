using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DualRandomGraph.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    ActorRoles = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Operation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    OperationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    InputDigest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false, collation: "C"),
                    Outcome = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    PreviousHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false, collation: "C"),
                    Hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CheckItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    LegalBasis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    Categories = table.Column<int[]>(type: "integer[]", nullable: false),
                    Retired = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HolidayCalendarYears",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    AdjustedWorkdays = table.Column<List<DateOnly>>(type: "date[]", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HolidayCalendarYears", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    ParentId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Regions_Regions_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CalendarHolidays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CalendarYearId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    First = table.Column<DateOnly>(type: "date", nullable: false),
                    Last = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarHolidays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalendarHolidays_HolidayCalendarYears_CalendarYearId",
                        column: x => x.CalendarYearId,
                        principalTable: "HolidayCalendarYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Agencies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    RegionId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agencies_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Inspectors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    CertificateNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    RegistryCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    Position = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    YearsOfService = table.Column<int>(type: "integer", nullable: true),
                    Expertise = table.Column<List<string>>(type: "text[]", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    DeactivatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DeactivationReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    AccountSubject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspectors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inspectors_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Policies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    KeyQuarterlyRatio = table.Column<double>(type: "double precision", nullable: false),
                    KeyAnnualFullCoverage = table.Column<bool>(type: "boolean", nullable: false),
                    SpecialQuarterlyRatio = table.Column<double>(type: "double precision", nullable: false),
                    GeneralAnnualRatio = table.Column<double>(type: "double precision", nullable: false),
                    ConstructionProjectQuarterlyRatio = table.Column<double>(type: "double precision", nullable: false),
                    IndustrialParkQuarterlyRatio = table.Column<double>(type: "double precision", nullable: false),
                    OfficersPerTeam = table.Column<int>(type: "integer", nullable: false),
                    AssistantsPerTeam = table.Column<int>(type: "integer", nullable: false),
                    MaxTasksPerInspector = table.Column<int>(type: "integer", nullable: true),
                    Rotation = table.Column<bool>(type: "boolean", nullable: false),
                    AnnualCapPerTarget = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Policies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Policies_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Targets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreditCode = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false, collation: "C"),
                    IsDemoCode = table.Column<bool>(type: "boolean", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    RegionId = table.Column<int>(type: "integer", nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    Industry = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    PermitNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    PollutantTypes = table.Column<List<string>>(type: "text[]", nullable: false),
                    ProductionScale = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    ProductionCycle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    OnPositiveList = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Targets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Targets_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Targets_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    PolicyId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    ResultsPublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Plans_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Plans_Policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "Policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Recusals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InspectorId = table.Column<int>(type: "integer", nullable: false),
                    TargetId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    DeclaredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeclaredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    EndReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recusals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recusals_Inspectors_InspectorId",
                        column: x => x.InspectorId,
                        principalTable: "Inspectors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Recusals_Targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "Targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TargetCategoryChange",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TargetId = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetCategoryChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TargetCategoryChange_Targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "Targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TargetStatusChange",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TargetId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetStatusChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TargetStatusChange_Targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "Targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Draws",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Attempt = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Algorithm = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    Seed = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    AgencyCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    PolicyId = table.Column<int>(type: "integer", nullable: false),
                    OfficersPerTeam = table.Column<int>(type: "integer", nullable: false),
                    AssistantsPerTeam = table.Column<int>(type: "integer", nullable: false),
                    MaxTasksPerInspector = table.Column<int>(type: "integer", nullable: true),
                    TargetPoolDigest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false, collation: "C"),
                    InspectorPoolDigest = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false, collation: "C"),
                    UnstaffedCount = table.Column<int>(type: "integer", nullable: false),
                    DrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DrawnBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    WindowStart = table.Column<DateOnly>(type: "date", nullable: false),
                    WindowEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    OutsideWindowReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    SupersededAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CommittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CommittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Draws", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Draws_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Draws_Policies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "Policies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Publications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    AgencyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: false),
                    PlanId = table.Column<int>(type: "integer", nullable: true),
                    DrawId = table.Column<int>(type: "integer", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    RevisionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    Announcement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    GeneralFirms = table.Column<int>(type: "integer", nullable: false),
                    KeyFirms = table.Column<int>(type: "integer", nullable: false),
                    SpecialFirms = table.Column<int>(type: "integer", nullable: false),
                    SpecialVisits = table.Column<int>(type: "integer", nullable: false),
                    OtherFirms = table.Column<int>(type: "integer", nullable: false),
                    Visits = table.Column<int>(type: "integer", nullable: false),
                    WorkCompletedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OnTime = table.Column<bool>(type: "boolean", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    SupersededAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Publications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Publications_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Publications_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SamplingPlanCheckItems",
                columns: table => new
                {
                    CheckItemsId = table.Column<int>(type: "integer", nullable: false),
                    SamplingPlanId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SamplingPlanCheckItems", x => new { x.CheckItemsId, x.SamplingPlanId });
                    table.ForeignKey(
                        name: "FK_SamplingPlanCheckItems_CheckItems_CheckItemsId",
                        column: x => x.CheckItemsId,
                        principalTable: "CheckItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SamplingPlanCheckItems_Plans_SamplingPlanId",
                        column: x => x.SamplingPlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DrawInspectorPool",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DrawId = table.Column<int>(type: "integer", nullable: false),
                    InspectorKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    InspectorId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrawInspectorPool", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrawInspectorPool_Draws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "Draws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrawInspectorPool_Inspectors_InspectorId",
                        column: x => x.InspectorId,
                        principalTable: "Inspectors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DrawQuotas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DrawId = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    PoolSize = table.Column<int>(type: "integer", nullable: false),
                    AlreadyCovered = table.Column<int>(type: "integer", nullable: false),
                    QuartersLeft = table.Column<int>(type: "integer", nullable: false),
                    Quota = table.Column<int>(type: "integer", nullable: false),
                    Rule = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    LeftOutAtCap = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrawQuotas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrawQuotas_Draws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "Draws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DrawSelections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DrawId = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Ticket = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false, collation: "C"),
                    TargetKey = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false, collation: "C"),
                    TargetId = table.Column<int>(type: "integer", nullable: false),
                    Staffed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrawSelections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrawSelections_Draws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "Draws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrawSelections_Targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "Targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DrawTargetPool",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DrawId = table.Column<int>(type: "integer", nullable: false),
                    TargetKey = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false, collation: "C"),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    PriorityGroup = table.Column<int>(type: "integer", nullable: false),
                    TargetId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrawTargetPool", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrawTargetPool_Draws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "Draws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrawTargetPool_Targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "Targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublishedResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PublicationId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    RegionName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    TargetName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false, collation: "C"),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    CategoryLabel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    InspectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    OutcomeLabel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    Origin = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    RecordId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublishedResults_Publications_PublicationId",
                        column: x => x.PublicationId,
                        principalTable: "Publications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DrawExclusions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PoolInspectorId = table.Column<int>(type: "integer", nullable: false),
                    TargetKey = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false, collation: "C"),
                    Rule = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrawExclusions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrawExclusions_DrawInspectorPool_PoolInspectorId",
                        column: x => x.PoolInspectorId,
                        principalTable: "DrawInspectorPool",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DrawSkippedCandidates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DrawId = table.Column<int>(type: "integer", nullable: false),
                    SelectionId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    TargetKey = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false, collation: "C"),
                    InspectorKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    InspectorId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Ticket = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false, collation: "C"),
                    Rule = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrawSkippedCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrawSkippedCandidates_DrawSelections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "DrawSelections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrawSkippedCandidates_Draws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "Draws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrawSkippedCandidates_Inspectors_InspectorId",
                        column: x => x.InspectorId,
                        principalTable: "Inspectors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DrawTeamMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SelectionId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    InspectorKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    InspectorId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Ticket = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrawTeamMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrawTeamMembers_DrawSelections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "DrawSelections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DrawTeamMembers_Inspectors_InspectorId",
                        column: x => x.InspectorId,
                        principalTable: "Inspectors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SelectionId = table.Column<int>(type: "integer", nullable: false),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    TargetId = table.Column<int>(type: "integer", nullable: false),
                    Mode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Visits = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionTasks_DrawSelections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "DrawSelections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionTasks_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionTasks_Targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "Targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpVisit",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    Visit = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpVisit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpVisit_InspectionTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "InspectionTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Origin = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    TargetId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: true),
                    Visit = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    TargetedReason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, collation: "C"),
                    Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    InspectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Mode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Evidence = table.Column<int[]>(type: "integer[]", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    TransferredToEnforcement = table.Column<bool>(type: "boolean", nullable: false),
                    CaseReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    OnSiteApprovedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    OnSiteApprovedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionRecords_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionRecords_InspectionTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "InspectionTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionRecords_Targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "Targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionTaskCheckItems",
                columns: table => new
                {
                    CheckItemsId = table.Column<int>(type: "integer", nullable: false),
                    InspectionTaskId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionTaskCheckItems", x => new { x.CheckItemsId, x.InspectionTaskId });
                    table.ForeignKey(
                        name: "FK_InspectionTaskCheckItems_CheckItems_CheckItemsId",
                        column: x => x.CheckItemsId,
                        principalTable: "CheckItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InspectionTaskCheckItems_InspectionTasks_InspectionTaskId",
                        column: x => x.InspectionTaskId,
                        principalTable: "InspectionTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionAmendments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecordId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    AmendedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AmendedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    PreviousInspectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PreviousOutcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    PreviousDescription = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    PreviousTransferredToEnforcement = table.Column<bool>(type: "boolean", nullable: false),
                    PreviousCaseReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    InspectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    TransferredToEnforcement = table.Column<bool>(type: "boolean", nullable: false),
                    CaseReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionAmendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionAmendments_InspectionRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "InspectionRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionRecordCheckItems",
                columns: table => new
                {
                    CheckItemsId = table.Column<int>(type: "integer", nullable: false),
                    InspectionRecordId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionRecordCheckItems", x => new { x.CheckItemsId, x.InspectionRecordId });
                    table.ForeignKey(
                        name: "FK_InspectionRecordCheckItems_CheckItems_CheckItemsId",
                        column: x => x.CheckItemsId,
                        principalTable: "CheckItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InspectionRecordCheckItems_InspectionRecords_InspectionReco~",
                        column: x => x.InspectionRecordId,
                        principalTable: "InspectionRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_Code",
                table: "Agencies",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_RegionId",
                table: "Agencies",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Sequence",
                table: "AuditEntries",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarHolidays_CalendarYearId",
                table: "CalendarHolidays",
                column: "CalendarYearId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckItems_Code",
                table: "CheckItems",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DrawExclusions_PoolInspectorId",
                table: "DrawExclusions",
                column: "PoolInspectorId");

            migrationBuilder.CreateIndex(
                name: "IX_DrawInspectorPool_DrawId_InspectorKey",
                table: "DrawInspectorPool",
                columns: new[] { "DrawId", "InspectorKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DrawInspectorPool_InspectorId",
                table: "DrawInspectorPool",
                column: "InspectorId");

            migrationBuilder.CreateIndex(
                name: "IX_DrawQuotas_DrawId_Category",
                table: "DrawQuotas",
                columns: new[] { "DrawId", "Category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Draws_PlanId_Attempt",
                table: "Draws",
                columns: new[] { "PlanId", "Attempt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Draws_PlanId_Committed",
                table: "Draws",
                column: "PlanId",
                unique: true,
                filter: "\"Status\" = 'Committed'");

            migrationBuilder.CreateIndex(
                name: "IX_Draws_PolicyId",
                table: "Draws",
                column: "PolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_DrawSelections_DrawId_Category_Rank",
                table: "DrawSelections",
                columns: new[] { "DrawId", "Category", "Rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DrawSelections_TargetId",
                table: "DrawSelections",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_DrawSkippedCandidates_DrawId",
                table: "DrawSkippedCandidates",
                column: "DrawId");

            migrationBuilder.CreateIndex(
                name: "IX_DrawSkippedCandidates_InspectorId",
                table: "DrawSkippedCandidates",
                column: "InspectorId");

            migrationBuilder.CreateIndex(
                name: "IX_DrawSkippedCandidates_SelectionId_Position",
                table: "DrawSkippedCandidates",
                columns: new[] { "SelectionId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DrawTargetPool_DrawId_TargetKey",
                table: "DrawTargetPool",
                columns: new[] { "DrawId", "TargetKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DrawTargetPool_TargetId",
                table: "DrawTargetPool",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_DrawTeamMembers_InspectorId",
                table: "DrawTeamMembers",
                column: "InspectorId");

            migrationBuilder.CreateIndex(
                name: "IX_DrawTeamMembers_SelectionId_Position",
                table: "DrawTeamMembers",
                columns: new[] { "SelectionId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpVisit_TaskId",
                table: "FollowUpVisit",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_HolidayCalendarYears_Year",
                table: "HolidayCalendarYears",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionAmendments_RecordId",
                table: "InspectionAmendments",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRecordCheckItems_InspectionRecordId",
                table: "InspectionRecordCheckItems",
                column: "InspectionRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRecords_AgencyId_InspectedOn",
                table: "InspectionRecords",
                columns: new[] { "AgencyId", "InspectedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRecords_TargetId",
                table: "InspectionRecords",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRecords_TaskId_Visit",
                table: "InspectionRecords",
                columns: new[] { "TaskId", "Visit" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTaskCheckItems_InspectionTaskId",
                table: "InspectionTaskCheckItems",
                column: "InspectionTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTasks_PlanId",
                table: "InspectionTasks",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTasks_SelectionId",
                table: "InspectionTasks",
                column: "SelectionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTasks_TargetId_PlanId",
                table: "InspectionTasks",
                columns: new[] { "TargetId", "PlanId" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspectors_AccountSubject",
                table: "Inspectors",
                column: "AccountSubject",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspectors_AgencyId",
                table: "Inspectors",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspectors_CertificateNumber",
                table: "Inspectors",
                column: "CertificateNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspectors_RegistryCode",
                table: "Inspectors",
                column: "RegistryCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Plans_AgencyId_Year_Quarter",
                table: "Plans",
                columns: new[] { "AgencyId", "Year", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Plans_PolicyId",
                table: "Plans",
                column: "PolicyId");

            migrationBuilder.CreateIndex(
                name: "IX_Policies_AgencyId_EffectiveFrom",
                table: "Policies",
                columns: new[] { "AgencyId", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Publications_AgencyId_Year_Quarter_Revision",
                table: "Publications",
                columns: new[] { "AgencyId", "Year", "Quarter", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Publications_PlanId",
                table: "Publications",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedResults_PublicationId_Number",
                table: "PublishedResults",
                columns: new[] { "PublicationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Recusals_InspectorId_TargetId",
                table: "Recusals",
                columns: new[] { "InspectorId", "TargetId" });

            migrationBuilder.CreateIndex(
                name: "IX_Recusals_TargetId",
                table: "Recusals",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_Regions_Code",
                table: "Regions",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Regions_ParentId",
                table: "Regions",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_SamplingPlanCheckItems_SamplingPlanId",
                table: "SamplingPlanCheckItems",
                column: "SamplingPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_TargetCategoryChange_TargetId_EffectiveFrom",
                table: "TargetCategoryChange",
                columns: new[] { "TargetId", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_Targets_AgencyId_Category_Status",
                table: "Targets",
                columns: new[] { "AgencyId", "Category", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Targets_CreditCode",
                table: "Targets",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Targets_Name",
                table: "Targets",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Targets_RegionId",
                table: "Targets",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_TargetStatusChange_TargetId_EffectiveFrom",
                table: "TargetStatusChange",
                columns: new[] { "TargetId", "EffectiveFrom" });

            // The SQLite migrations' triggers in plpgsql, under the same names: a stored draw is immutable (only a
            // proposed draw's status moves on, once) and never deleted, and the audit log is append-only. TRUNCATE
            // skips row triggers, so it is refused by a statement trigger of its own. The class-23 error code says
            // "integrity constraint", as SQLite's RAISE(ABORT) does with SQLITE_CONSTRAINT.
            migrationBuilder.Sql("""
                CREATE FUNCTION "RefuseChange"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'restrict_violation', TABLE = TG_TABLE_NAME;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Draws_Immutable" BEFORE UPDATE OF "PlanId", "Attempt", "Algorithm", "Seed", "AgencyCode", "Year", "Quarter",
                    "PolicyId", "OfficersPerTeam", "AssistantsPerTeam", "MaxTasksPerInspector", "TargetPoolDigest", "InspectorPoolDigest",
                    "UnstaffedCount", "DrawnAt", "DrawnBy", "Reason", "WindowStart", "WindowEnd", "OutsideWindowReason" ON "Draws"
                FOR EACH ROW EXECUTE FUNCTION "RefuseChange"('A stored draw is immutable: only a proposed draw''s status moves on.');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Draws_StatusMovesOnOnce" BEFORE UPDATE OF "Status", "SupersededAt", "CommittedAt", "CommittedBy" ON "Draws"
                FOR EACH ROW WHEN (OLD."Status" <> 'Proposed')
                EXECUTE FUNCTION "RefuseChange"('Only a proposed draw can be superseded or committed.');
                """);
            migrationBuilder.Sql("""CREATE TRIGGER "Draws_NotDeleted" BEFORE DELETE ON "Draws" FOR EACH ROW EXECUTE FUNCTION "RefuseChange"('A stored draw is never deleted.');""");
            foreach (var table in DrawChildTables)
            {
                migrationBuilder.Sql($"""CREATE TRIGGER "{table}_Immutable" BEFORE UPDATE ON "{table}" FOR EACH ROW EXECUTE FUNCTION "RefuseChange"('A stored draw is immutable.');""");
                migrationBuilder.Sql($"""CREATE TRIGGER "{table}_NotDeleted" BEFORE DELETE ON "{table}" FOR EACH ROW EXECUTE FUNCTION "RefuseChange"('A stored draw is never deleted.');""");
            }

            foreach (var table in DrawChildTables.Prepend("Draws"))
            {
                migrationBuilder.Sql($"""CREATE TRIGGER "{table}_NotTruncated" BEFORE TRUNCATE ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION "RefuseChange"('A stored draw is never deleted.');""");
            }

            migrationBuilder.Sql("""CREATE TRIGGER "AuditEntries_Immutable" BEFORE UPDATE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION "RefuseChange"('The audit log is append-only.');""");
            migrationBuilder.Sql("""CREATE TRIGGER "AuditEntries_NotDeleted" BEFORE DELETE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION "RefuseChange"('The audit log is append-only.');""");
            migrationBuilder.Sql("""CREATE TRIGGER "AuditEntries_NotTruncated" BEFORE TRUNCATE ON "AuditEntries" FOR EACH STATEMENT EXECUTE FUNCTION "RefuseChange"('The audit log is append-only.');""");
        }

        private static readonly string[] DrawChildTables =
            ["DrawQuotas", "DrawTargetPool", "DrawInspectorPool", "DrawExclusions", "DrawSelections", "DrawTeamMembers", "DrawSkippedCandidates"];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CalendarHolidays");

            migrationBuilder.DropTable(
                name: "DrawExclusions");

            migrationBuilder.DropTable(
                name: "DrawQuotas");

            migrationBuilder.DropTable(
                name: "DrawSkippedCandidates");

            migrationBuilder.DropTable(
                name: "DrawTargetPool");

            migrationBuilder.DropTable(
                name: "DrawTeamMembers");

            migrationBuilder.DropTable(
                name: "FollowUpVisit");

            migrationBuilder.DropTable(
                name: "InspectionAmendments");

            migrationBuilder.DropTable(
                name: "InspectionRecordCheckItems");

            migrationBuilder.DropTable(
                name: "InspectionTaskCheckItems");

            migrationBuilder.DropTable(
                name: "PublishedResults");

            migrationBuilder.DropTable(
                name: "Recusals");

            migrationBuilder.DropTable(
                name: "SamplingPlanCheckItems");

            migrationBuilder.DropTable(
                name: "TargetCategoryChange");

            migrationBuilder.DropTable(
                name: "TargetStatusChange");

            migrationBuilder.DropTable(
                name: "HolidayCalendarYears");

            migrationBuilder.DropTable(
                name: "DrawInspectorPool");

            migrationBuilder.DropTable(
                name: "InspectionRecords");

            migrationBuilder.DropTable(
                name: "Publications");

            migrationBuilder.DropTable(
                name: "CheckItems");

            migrationBuilder.DropTable(
                name: "Inspectors");

            migrationBuilder.DropTable(
                name: "InspectionTasks");

            migrationBuilder.DropTable(
                name: "DrawSelections");

            migrationBuilder.DropTable(
                name: "Draws");

            migrationBuilder.DropTable(
                name: "Targets");

            migrationBuilder.DropTable(
                name: "Plans");

            migrationBuilder.DropTable(
                name: "Policies");

            migrationBuilder.DropTable(
                name: "Agencies");

            migrationBuilder.DropTable(
                name: "Regions");

            migrationBuilder.Sql("""DROP FUNCTION "RefuseChange"();""");
        }
    }
}
