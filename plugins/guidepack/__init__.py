"""guidepack: publish interdependent step-by-step guides as one package."""
