using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualRandomGraph.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DrawsAndPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccountSubject",
                table: "Inspectors",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HolidayCalendarYears",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AdjustedWorkdays = table.Column<string>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HolidayCalendarYears", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Policies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    KeyQuarterlyRatio = table.Column<double>(type: "REAL", nullable: false),
                    KeyAnnualFullCoverage = table.Column<bool>(type: "INTEGER", nullable: false),
                    SpecialQuarterlyRatio = table.Column<double>(type: "REAL", nullable: false),
                    GeneralAnnualRatio = table.Column<double>(type: "REAL", nullable: false),
                    ConstructionProjectQuarterlyRatio = table.Column<double>(type: "REAL", nullable: false),
                    IndustrialParkQuarterlyRatio = table.Column<double>(type: "REAL", nullable: false),
                    OfficersPerTeam = table.Column<int>(type: "INTEGER", nullable: false),
                    AssistantsPerTeam = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxTasksPerInspector = table.Column<int>(type: "INTEGER", nullable: true),
                    Rotation = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnnualCapPerTarget = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                name: "Recusals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InspectorId = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeclaredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeclaredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "CalendarHolidays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CalendarYearId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    First = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Last = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PolicyId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResultsPublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "Draws",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Algorithm = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AgencyCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyId = table.Column<int>(type: "INTEGER", nullable: false),
                    OfficersPerTeam = table.Column<int>(type: "INTEGER", nullable: false),
                    AssistantsPerTeam = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxTasksPerInspector = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetPoolDigest = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    InspectorPoolDigest = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    UnstaffedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DrawnAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DrawnBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    WindowStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WindowEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OutsideWindowReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SupersededAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CommittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CommittedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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
                name: "SamplingPlanCheckItems",
                columns: table => new
                {
                    CheckItemsId = table.Column<int>(type: "INTEGER", nullable: false),
                    SamplingPlanId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DrawId = table.Column<int>(type: "INTEGER", nullable: false),
                    InspectorKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    InspectorId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DrawId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PoolSize = table.Column<int>(type: "INTEGER", nullable: false),
                    AlreadyCovered = table.Column<int>(type: "INTEGER", nullable: false),
                    QuartersLeft = table.Column<int>(type: "INTEGER", nullable: false),
                    Quota = table.Column<int>(type: "INTEGER", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LeftOutAtCap = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DrawId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Ticket = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    TargetKey = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Staffed = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DrawId = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetKey = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PriorityGroup = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "DrawExclusions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PoolInspectorId = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetKey = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DrawId = table.Column<int>(type: "INTEGER", nullable: false),
                    SelectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetKey = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    InspectorKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InspectorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Ticket = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SelectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    InspectorKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InspectorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Ticket = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SelectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "InspectionTaskCheckItems",
                columns: table => new
                {
                    CheckItemsId = table.Column<int>(type: "INTEGER", nullable: false),
                    InspectionTaskId = table.Column<int>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_Inspectors_AccountSubject",
                table: "Inspectors",
                column: "AccountSubject",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarHolidays_CalendarYearId",
                table: "CalendarHolidays",
                column: "CalendarYearId");

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
                name: "IX_HolidayCalendarYears_Year",
                table: "HolidayCalendarYears",
                column: "Year",
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
                name: "IX_Recusals_InspectorId_TargetId",
                table: "Recusals",
                columns: new[] { "InspectorId", "TargetId" });

            migrationBuilder.CreateIndex(
                name: "IX_Recusals_TargetId",
                table: "Recusals",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_SamplingPlanCheckItems_SamplingPlanId",
                table: "SamplingPlanCheckItems",
                column: "SamplingPlanId");

            // Draws are immutable in the database too, not only by convention in the code: what was drawn cannot be
            // updated, nothing of a draw can be deleted, and only a proposed draw's status (with its time and person)
            // moves on, once. Verification still catches a change made by someone who drops these triggers.
            migrationBuilder.Sql("""
                CREATE TRIGGER "Draws_Immutable" BEFORE UPDATE OF "PlanId", "Attempt", "Algorithm", "Seed", "AgencyCode", "Year", "Quarter",
                    "PolicyId", "OfficersPerTeam", "AssistantsPerTeam", "MaxTasksPerInspector", "TargetPoolDigest", "InspectorPoolDigest",
                    "UnstaffedCount", "DrawnAt", "DrawnBy", "Reason", "WindowStart", "WindowEnd", "OutsideWindowReason" ON "Draws"
                BEGIN SELECT RAISE(ABORT, 'A stored draw is immutable: only a proposed draw''s status moves on.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Draws_StatusMovesOnOnce" BEFORE UPDATE OF "Status", "SupersededAt", "CommittedAt", "CommittedBy" ON "Draws"
                WHEN OLD."Status" <> 'Proposed'
                BEGIN SELECT RAISE(ABORT, 'Only a proposed draw can be superseded or committed.'); END;
                """);
            migrationBuilder.Sql("""CREATE TRIGGER "Draws_NotDeleted" BEFORE DELETE ON "Draws" BEGIN SELECT RAISE(ABORT, 'A stored draw is never deleted.'); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "DrawQuotas_Immutable" BEFORE UPDATE ON "DrawQuotas" BEGIN SELECT RAISE(ABORT, 'A stored draw is immutable.'); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "DrawQuotas_NotDeleted" BEFORE DELETE ON "DrawQuotas" BEGIN SELECT RAISE(ABORT, 'A stored draw is never deleted.'); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "DrawTargetPool_Immutable" BEFORE UPDATE ON "DrawTargetPool" BEGIN SELECT RAISE(ABORT, 'A stored draw is immutable.'); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "DrawTargetPool_NotDeleted" BEFORE DELETE ON "DrawTargetPool" BEGIN SELECT RAISE(ABORT, 'A stored draw is never deleted.'); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "DrawInspectorPool_Immutable" BEFORE UPDATE ON "DrawInspectorPool" BEGIN SELECT RAISE(ABORT, 'A stored draw is immutable.'); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "DrawInspectorPool_NotDeleted" BEFORE DELETE ON "DrawInspectorPool" BEGIN SELECT RAISE(ABORT, 'A stored draw is never deleted.'); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "DrawExclusions_Immutable" BEFORE UPDATE ON "DrawExclusions" BEGIN SELECT RAISE(ABORT, 'A stored draw is immutable.'); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "DrawExclusions_NotDeleted" BEFORE DELETE ON "DrawExclusions" BEGIN SELECT RAISE(ABORT, 'A stored draw is never deleted.'); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "DrawSelections_Immutable" BEFORE UPDATE ON "DrawSelections" BEGIN SELECT RAISE(ABORT, 'A stored draw is immutable.'); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "DrawSelections_NotDeleted" BEFORE DELETE ON "DrawSelections" BEGIN SELECT RAISE(ABORT, 'A stored draw is never deleted.'); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "DrawTeamMembers_Immutable" BEFORE UPDATE ON "DrawTeamMembers" BEGIN SELECT RAISE(ABORT, 'A stored draw is immutable.'); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "DrawTeamMembers_NotDeleted" BEFORE DELETE ON "DrawTeamMembers" BEGIN SELECT RAISE(ABORT, 'A stored draw is never deleted.'); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "DrawSkippedCandidates_Immutable" BEFORE UPDATE ON "DrawSkippedCandidates" BEGIN SELECT RAISE(ABORT, 'A stored draw is immutable.'); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "DrawSkippedCandidates_NotDeleted" BEFORE DELETE ON "DrawSkippedCandidates" BEGIN SELECT RAISE(ABORT, 'A stored draw is never deleted.'); END;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "InspectionTaskCheckItems");

            migrationBuilder.DropTable(
                name: "Recusals");

            migrationBuilder.DropTable(
                name: "SamplingPlanCheckItems");

            migrationBuilder.DropTable(
                name: "HolidayCalendarYears");

            migrationBuilder.DropTable(
                name: "DrawInspectorPool");

            migrationBuilder.DropTable(
                name: "InspectionTasks");

            migrationBuilder.DropTable(
                name: "DrawSelections");

            migrationBuilder.DropTable(
                name: "Draws");

            migrationBuilder.DropTable(
                name: "Plans");

            migrationBuilder.DropTable(
                name: "Policies");

            migrationBuilder.DropIndex(
                name: "IX_Inspectors_AccountSubject",
                table: "Inspectors");

            migrationBuilder.DropColumn(
                name: "AccountSubject",
                table: "Inspectors");
        }
    }
}
