"""mlpath: should you become a machine learning engineer, and how?"""
