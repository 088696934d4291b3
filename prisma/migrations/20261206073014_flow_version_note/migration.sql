-- AlterTable
ALTER TABLE "FlowVersion" ADD COLUMN     "note" TEXT;

