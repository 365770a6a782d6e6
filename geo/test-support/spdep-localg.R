# Reference Gi* for geo/hotspots.ts: spdep::localG with binary weights and include.self().
# Args: values file (one number a line), edges file ("i j" 1-based, self excluded), output file.
# Prints the seconds spent in nb2listw + localG (what a spdep user pays once the neighbours are known):
# elapsed, then CPU (user + system), as the bench times ours.
args <- commandArgs(trailingOnly = TRUE)
suppressMessages(library(spdep))
x <- scan(args[1], quiet = TRUE)
n <- length(x)
e <- read.table(args[2], colClasses = c("integer", "integer"))
nb <- split(e$V2, factor(e$V1, levels = seq_len(n)))
nb <- lapply(nb, function(v) if (length(v)) sort(v) else 0L)
names(nb) <- NULL
class(nb) <- "nb"
attr(nb, "region.id") <- as.character(seq_len(n))
t <- system.time({
  lw <- nb2listw(include.self(nb), style = "B", zero.policy = TRUE)
  g <- as.numeric(localG(x, lw, zero.policy = TRUE))
})
writeLines(sprintf("%.17g", g), args[3])
cat(t[["elapsed"]], t[["user.self"]] + t[["sys.self"]], "\n")
