using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualRandomGraph.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorRoles = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OperationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    InputDigest = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Sequence",
                table: "AuditEntries",
                column: "Sequence",
                unique: true);

            // Append-only: the application never changes or removes an entry, so the database refuses to. Someone with
            // the file can drop the triggers; the hash chain (verifyAuditLog) is what shows that they then edited it.
            migrationBuilder.Sql("""CREATE TRIGGER "AuditEntries_Immutable" BEFORE UPDATE ON "AuditEntries" BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER "AuditEntries_NotDeleted" BEFORE DELETE ON "AuditEntries" BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEntries_NotDeleted\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEntries_Immutable\";");
            migrationBuilder.DropTable(
                name: "AuditEntries");
        }
    }
}
